/**
 * A reusable buffer of a string's UTF-16 code units, for scans that read every character.
 * Once any class extends `String` — ioredis (under BullMQ) defines one, so every worker has
 * it — V8 on Node 20 stops inlining `String.prototype` methods: a `charCodeAt` scan of an
 * answer went from 18 to 60 µs, `slice` and `startsWith` calls cost 2–4×, while reads of a
 * typed array did not change (17 µs). Copying the text in costs well under 1 µs.
 */
export class CodeUnits {
  private units = new Uint16Array(4096);
  private bytes = Buffer.from(this.units.buffer);

  /** `text`'s code units, valid until the next call (the rest of the array is stale). */
  of(text: string): Uint16Array {
    if (text.length > this.units.length) {
      this.units = new Uint16Array(text.length * 2);
      this.bytes = Buffer.from(this.units.buffer);
    }
    // UTF-16LE bytes are the code units as they are (lone surrogates included) on a little-endian host.
    if (LITTLE_ENDIAN) this.bytes.write(text, 0, 'utf16le');
    else for (let i = 0; i < text.length; i++) this.units[i] = text.charCodeAt(i);
    return this.units;
  }
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
