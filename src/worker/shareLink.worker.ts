// Decodes one share link and posts what it holds; the page starts one of these per link opened.
import { decodeShareLink, type LinkParts } from './shareLink';

self.onmessage = (e: MessageEvent<LinkParts>) => {
  self.postMessage(decodeShareLink(e.data));
};
