// fontkit ships no type declarations; PDFKit only needs the font object it creates, so one opaque type is enough.
declare module 'fontkit' {
  export interface Font {
    layout(text: string): unknown;
    postscriptName: string;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
