/**
 * A small strict reader for Apple's XML property lists (PropertyList-1.0.dtd), for tests: it
 * throws on anything the format does not allow (a stray "<" or "&", an unknown element, a key
 * without a value, a repeated key, text after </plist>), and returns the value.
 */
export type PlistValue = string | number | boolean | PlistValue[] | { [key: string]: PlistValue };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  if (/<|>/.test(text)) throw new Error(`Raw markup in text: ${JSON.stringify(text)}`);
  return text.replace(/&([^;]*);?/g, (whole, name: string) => {
    if (!whole.endsWith(';')) throw new Error(`Unfinished entity in ${JSON.stringify(text)}`);
    if (ENTITIES[name]) return ENTITIES[name];
    const number = /^#(\d+)$/.exec(name) ?? /^#x([0-9a-fA-F]+)$/.exec(name);
    if (number) return String.fromCodePoint(parseInt(number[1]!, name.startsWith('#x') ? 16 : 10));
    throw new Error(`Unknown entity &${name};`);
  });
}

export function parsePlist(xml: string): PlistValue {
  const prolog =
    /^<\?xml version="1\.0" encoding="UTF-8"\?>\s*(<!DOCTYPE plist PUBLIC "-\/\/Apple\/\/DTD PLIST 1\.0\/\/EN" "http:\/\/www\.apple\.com\/DTDs\/PropertyList-1\.0\.dtd">\s*)?<plist version="1\.0">/;
  const start = prolog.exec(xml);
  if (!start) throw new Error('No XML declaration, DOCTYPE and <plist version="1.0">');
  // Tokens: tags and the text between them.
  const tokens = xml
    .slice(start[0].length)
    .split(/(<[^<>]*>)/)
    .filter((token) => token.trim() !== '');
  let at = 0;
  const next = () => {
    const token = tokens[at++];
    if (token === undefined) throw new Error('The plist ends too early');
    return token;
  };
  const textUntil = (close: string): string => {
    let token = next();
    let text = '';
    if (!token.startsWith('<')) {
      text = decode(token);
      token = next();
    }
    if (token !== close) throw new Error(`Expected ${close}, found ${token}`);
    return text;
  };
  const value = (token: string): PlistValue => {
    switch (token) {
      case '<string>':
        return textUntil('</string>');
      case '<string/>':
        return '';
      case '<integer>': {
        const text = textUntil('</integer>');
        if (!/^-?\d+$/.test(text)) throw new Error(`Not an integer: ${text}`);
        return Number(text);
      }
      case '<true/>':
        return true;
      case '<false/>':
        return false;
      case '<array/>':
        return [];
      case '<dict/>':
        return {};
      case '<array>': {
        const items: PlistValue[] = [];
        for (let token = next(); token !== '</array>'; token = next()) items.push(value(token));
        return items;
      }
      case '<dict>': {
        const dict: { [key: string]: PlistValue } = {};
        for (let token = next(); token !== '</dict>'; token = next()) {
          if (token !== '<key>') throw new Error(`Expected <key> in a dict, found ${token}`);
          const key = textUntil('</key>');
          if (Object.hasOwn(dict, key)) throw new Error(`Key ${key} twice in one dict`);
          dict[key] = value(next());
        }
        return dict;
      }
      default:
        throw new Error(`Not a plist value: ${JSON.stringify(token)}`);
    }
  };
  const root = value(next());
  if (next() !== '</plist>') throw new Error('More than one value in <plist>');
  if (at !== tokens.length) throw new Error('Text after </plist>');
  return root;
}
