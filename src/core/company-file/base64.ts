/**
 * Exported files' bytes in a backup (issue 16: "optionally the exported files' bytes"), as
 * base64 text inside the JSON. `btoa`/`atob` exist in browsers, workers and Node; they take
 * "binary strings", built here in slices of characters (no spread: a 30 MB file would pass V8's argument limit).
 */
const SLICE = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += SLICE) {
    let part = '';
    const end = Math.min(bytes.length, start + SLICE);
    for (let i = start; i < end; i++) part += String.fromCharCode(bytes[i]!);
    parts.push(part);
  }
  return btoa(parts.join(''));
}

export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Standard base64 with padding (what `bytesToBase64` writes); anything else is refused before `atob` sees it. */
export function isBase64(text: string): boolean {
  return text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text);
}
