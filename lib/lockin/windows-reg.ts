import tokens from './format-tokens.json';
import type { ChromiumBrowser, ChromiumPolicies } from './policies';

/**
 * A Windows registry file (.reg) that sets Chrome, Edge or Chromium policies for the whole machine.
 *
 * Sources (checked 2026-12-06):
 * - Policy keys: HKLM\SOFTWARE\Policies\Google\Chrome, ...\Microsoft\Edge, ...\Chromium (Chrome
 *   Enterprise policy list "Windows registry location"; Microsoft Learn deployedge "Registry
 *   settings, Path (Mandatory): SOFTWARE\Policies\Microsoft\Edge"). A list policy is a subkey named
 *   after the policy with string values "1", "2", ... (ExtensionInstallForcelist\1 =
 *   "<id>;<update url>"); an integer or boolean policy is a REG_DWORD value on the key itself.
 * - File format: regedit's "Windows Registry Editor Version 5.00" header, a blank line, each key in
 *   square brackets, values as "name"="string" (backslash and double quote escaped with a
 *   backslash) or "name"=dword:XXXXXXXX (eight hexadecimal digits), CRLF line endings
 *   (learn.microsoft.com/troubleshoot/windows-server/performance/add-modify-delete-registry-subkeys-values).
 *   The text is ASCII only (every id and address is checked first), so the file reads the same
 *   whether regedit takes it as ANSI or UTF-8.
 */

const KEYS: Record<ChromiumBrowser, string> = {
  chrome: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome',
  edge: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge',
  chromium: 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Chromium',
};

export const REG_HEADER = tokens.regHeader;

/** Where the policies go, for the page's steps. */
export function registryKey(browser: ChromiumBrowser): string {
  return KEYS[browser];
}

/** A REG_SZ in a .reg file: quoted, with `\` and `"` escaped. A line break cannot be written, so it is refused. */
export function regString(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u001f\u007f]/.test(text)) throw new Error('A registry text value cannot hold a line break or other control character.');
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A REG_DWORD: eight hexadecimal digits. */
export function regDword(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff)
    throw new Error(`A registry number must be a whole number from 0 to 4294967295, not ${value}.`);
  return `dword:${value.toString(16).padStart(8, '0')}`;
}

function keyLine(path: string): string {
  // A "]" or line break would end the key early and let the rest be read as something else.
  // eslint-disable-next-line no-control-regex -- see above
  if (/[\]\u0000-\u001f]/.test(path)) throw new Error('A registry key path cannot hold "]" or a line break.');
  return `[${path}]`;
}

/** The .reg file for `policies`, with CRLF line endings, ending in a line break. */
export function windowsRegFile(browser: ChromiumBrowser, policies: ChromiumPolicies): string {
  const key = KEYS[browser];
  const values: string[] = [];
  const lists: string[][] = [];
  for (const [name, value] of policies) {
    if (typeof value === 'number') values.push(`${regString(name)}=${regDword(value)}`);
    else if (typeof value === 'boolean') values.push(`${regString(name)}=${regDword(value ? 1 : 0)}`);
    else lists.push([keyLine(`${key}\\${name}`), ...value.map((item, index) => `${regString(String(index + 1))}=${regString(item)}`)]);
  }
  const blocks = [[REG_HEADER], ...(values.length > 0 ? [[keyLine(key), ...values]] : []), ...lists];
  return `${blocks.map((lines) => lines.join('\r\n')).join('\r\n\r\n')}\r\n`;
}
