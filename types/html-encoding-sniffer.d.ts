// html-encoding-sniffer (jsdom's, the HTML Standard's encoding sniffing algorithm) ships no types.
declare module 'html-encoding-sniffer' {
  /** The canonical name of the encoding of an HTML byte stream: BOM, then transport label, then <meta> prescan, then the default. */
  export default function htmlEncodingSniffer(
    bytes: Uint8Array,
    options?: { xml?: boolean; transportLayerEncodingLabel?: string; defaultEncoding?: string },
  ): string;
}
