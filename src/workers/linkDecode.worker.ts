// Decodes one link off the page's thread (src/state/links/linkDecoder.ts): unpacking, parsing and checking a
// large link takes a few hundred ms that the page spends painting and answering instead.
import { decodeShare, type DecodeResult } from '../state/links/share';

// The project's TypeScript library is the DOM's; a worker's scope needs only these two members.
const scope = self as unknown as {
  onmessage: ((e: MessageEvent<string>) => void) | null;
  postMessage(m: DecodeResult): void;
};

scope.onmessage = (e) => scope.postMessage(decodeShare(e.data));
