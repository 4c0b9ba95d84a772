// heic-decode ships no types: the one function meetup-note calls.
declare module 'heic-decode' {
  /** The first image of a HEIC/HEIF file as RGBA pixels, libheif's transforms (rotation, mirror) applied. */
  export default function decode(input: {
    buffer: Uint8Array;
  }): Promise<{ width: number; height: number; data: Uint8ClampedArray }>;
}
