/** CSV as RFC 4180 writes it (quoted fields, doubled quotes, line breaks inside quotes), read tolerant of the comma, semicolon or tab a CRM's locale exports with. */

/**
 * The records of a CSV text. Quoted fields may hold the delimiter, doubled quotes and line
 * breaks; CRLF, LF and CR all end a record; a byte-order mark is dropped; blank lines are
 * skipped. The delimiter is the first of comma, semicolon and tab found outside quotes on the
 * first line (Excel and Salesforce in many European locales write semicolons).
 */
export function parseCsv(input: string): string[][] {
  const textIn = input.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(textIn);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    record.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
  };
  for (let i = 0; i < textIn.length; i++) {
    const c = textIn[i];
    if (quoted) {
      if (c === '"') {
        if (textIn[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      wasQuoted = true;
    } else if (c === delimiter) endField();
    else if (c === '\r') {
      if (textIn[i + 1] === '\n') i++;
      endRecord();
    } else if (c === '\n') endRecord();
    else field += c;
  }
  if (field !== '' || record.length > 0 || wasQuoted) endRecord();
  return records;
}

function detectDelimiter(input: string): string {
  let quoted = false;
  for (const c of input) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) return c;
    else if (!quoted && (c === '\n' || c === '\r')) break;
  }
  return ',';
}

/** One field as RFC 4180 writes it: quoted when it holds a comma, a quote, a line break or edge spaces. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Records as CSV text, CRLF line ends (RFC 4180), ending with a line break. */
export function writeCsv(records: readonly (readonly string[])[]): string {
  return records.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
