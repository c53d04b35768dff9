import { DomainError } from '#libs/errors';
import { parseCustomInput } from './custom-input.js';

const params = [{ name: 'capacity' }, { name: 'operations' }];

describe(parseCustomInput.name, () => {
  it('reads one JSON value per line, in the order of the parameters, skipping blank lines', () => {
    expect(parseCustomInput('2\n\n  [["put", 1, 1], ["get", 1]]  \r\n', params)).toEqual([
      2,
      [
        ['put', 1, 1],
        ['get', 1],
      ],
    ]);
    expect(parseCustomInput('null', [{ name: 'x' }])).toEqual([null]);
  });

  it('refuses a count of lines that is not the count of parameters, naming them', () => {
    const sut = () => parseCustomInput('2', params);
    expect(sut).toThrow(DomainError);
    expect(sut).toThrow('the input has 1 line; write one JSON value per line for each of the 2 parameters (capacity, operations)');
  });

  it('refuses a line that is not JSON with its line number and parameter', () => {
    try {
      parseCustomInput('2\n[["put", 1,', params);
      throw new Error('not refused');
    } catch (err) {
      expect(err).toMatchObject({ code: 'INVALID_CODE_INPUT', details: { line: 2, param: 'operations' } });
    }
  });
});
