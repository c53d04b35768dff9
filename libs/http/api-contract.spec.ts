import { z } from 'zod';
import { ApiFile, ApiReturns, contractOf } from './api-contract.js';

const view = z.object({ id: z.string(), count: z.number().default(0) });
type View = z.infer<typeof view>;

/*
 * The decorators tie a handler's return type to what the document says it answers: `npm run typecheck` fails
 * when a line below marked `@ts-expect-error` compiles (a handler whose body the document does not describe).
 */
class ContractProbe {
  @ApiReturns(view)
  fits(): View {
    return { id: 'a', count: 1 };
  }

  @ApiReturns(view, 201)
  fitsLater(): Promise<View> {
    return Promise.resolve({ id: 'a', count: 1 });
  }

  // @ts-expect-error a field of the schema is missing
  @ApiReturns(view)
  missesAField(): { id: string } {
    return { id: 'a' };
  }

  // @ts-expect-error a field has another type
  @ApiReturns(view)
  otherType(): Promise<{ id: number; count: number }> {
    return Promise.resolve({ id: 1, count: 1 });
  }

  // @ts-expect-error text is not the JSON the schema describes
  @ApiReturns(view)
  text(): string {
    return '';
  }

  @ApiReturns(view, 200, { mediaType: 'text/markdown', description: 'with `format=md`' })
  jsonOrDownload(): View | string {
    return '';
  }

  @ApiFile('image/svg+xml', 'the picture')
  download(): string {
    return '<svg/>';
  }

  // @ts-expect-error a download-only handler answers with the file's body
  @ApiFile('image/svg+xml', 'the picture')
  jsonAsDownload(): View {
    return { id: 'a', count: 1 };
  }
}

describe(ApiReturns.name, () => {
  it('documents the download a handler may answer with instead of JSON', () => {
    expect(contractOf(`${ContractProbe.name}_jsonOrDownload`).files).toEqual([['text/markdown', 'with `format=md`']]);
    expect(contractOf(`${ContractProbe.name}_download`).files).toEqual([['image/svg+xml', 'the picture']]);
    expect(contractOf(`${ContractProbe.name}_fits`).files).toEqual([]);
  });
});
