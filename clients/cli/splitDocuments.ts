/**
 * Descriptor YAML cut into batches of whole documents, each at most `maxBytes` (a
 * document larger than that is a batch of its own), so that a large `ensemble apply`
 * goes out as several requests the gateway accepts. Documents are cut at their `---`
 * lines, which YAML only allows at the start of a line, outside any scalar.
 */
export function splitDocuments(yaml: string, maxBytes: number): string[] {
  if (Buffer.byteLength(yaml) <= maxBytes) return [yaml];
  const documents = yaml.split(/^(?=---(?:[ \t]|\r?$))/m).filter((document) => document.replace(/^---/, '').trim());
  const batches: string[] = [];
  let current = '';
  for (const document of documents) {
    const text = document.startsWith('---') ? document : `---\n${document}`;
    const withNewline = text.endsWith('\n') ? text : `${text}\n`;
    if (current && Buffer.byteLength(current) + Buffer.byteLength(withNewline) > maxBytes) {
      batches.push(current);
      current = '';
    }
    current += withNewline;
  }
  if (current) batches.push(current);
  return batches;
}
