import { readTurn, sentences } from './turn-reader.js';

describe(readTurn.name, () => {
  it.each([
    ['How many users should I design for, and how many are online at once?', 'question'],
    ['A few questions first: is this greenfield? Any compliance needs? Open source allowed?', 'question'],
    ['Thanks. Do we need to support SMS?', 'question'],
    ["Let's move on.", 'move-on'],
    ['Can we move on to the next phase?', 'move-on'],
    ["I'm done here, let's go to the next part", 'move-on'],
    ["I don't know.", 'dont-know'],
    ['Honestly no idea how to size that.', 'dont-know'],
    ['We need in-app notifications over WebSockets and push for offline users, with p99 under a second.', 'answer'],
    ['What happens if the broker dies? We replay from the last committed offset, so nothing is lost.', 'answer'],
  ])('reads %j as %s', (text, kind) => {
    expect(readTurn(text).kind).toBe(kind);
  });

  it('answers each question of one message', () => {
    const sut = readTurn('Is this greenfield? Any compliance needs? Open source allowed?');
    expect(sut.questions).toEqual(['Is this greenfield?', 'Any compliance needs?', 'Open source allowed?']);
  });

  it('tells questions put to the interviewer from thinking aloud inside an answer', () => {
    const sut = readTurn(
      'I would use Kafka between the services. Do we need strict ordering per user? What happens if a consumer crashes? We retry.',
    );
    expect(sut.kind).toBe('answer');
    expect(sut.asks).toEqual(['Do we need strict ordering per user?']);
  });

  it('hears a question put after a short lead-in inside an answer', () => {
    const sut = readTurn(
      'Before I design anything: are refunds and partial captures in scope, and is this card payments only? I will assume authorize, capture and refund for cards.',
    );
    expect(sut.kind).toBe('answer');
    expect(sut.asks).toEqual(['Before I design anything: are refunds and partial captures in scope, and is this card payments only?']);
  });

  it('takes the client\'s "Ask" intent over the form of the text', () => {
    expect(readTurn('I wonder about retention', 'question')).toMatchObject({ kind: 'question', questions: ['I wonder about retention'] });
  });
});

describe(sentences.name, () => {
  it('splits after sentence ends and at line breaks, dropping list markers', () => {
    expect(sentences('First. Second?\n- third\n2) fourth!')).toEqual(['First.', 'Second?', 'third', 'fourth!']);
  });
});
