/**
 * Test support: builds .xlsx "zip bombs" quickly with the native zlib (JSZip takes minutes for a
 * 100 MB part). Not product code; used by the spreadsheet unit tests and the upload attack tests.
 */
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

interface Entry {
  name: string;
  data: Buffer;
}

/** A ZIP archive with every entry deflated. */
export function zipOf(entries: readonly Entry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const packed = zlib.deflateRawSync(e.data, { level: 9 });
    const crc = zlib.crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A valid workbook (one sheet named `sheetName` with `rows`) whose first sheet also carries
 * `padMb` MiB of blanks: a few hundred KB compressed, `padMb` MiB inflated.
 */
export async function xlsxBomb(padMb: number, rows: string[][] = [['a', 'b']], sheetName = 'Sheet1') {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(sheetName);
  for (const r of rows) {
    sheet.addRow(r);
  }
  const zip = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
  const entries: Entry[] = [];
  for (const name of Object.keys(zip.files)) {
    const file = zip.files[name];
    if (!file || file.dir) {
      continue;
    }
    let data = await file.async('nodebuffer');
    if (name === 'xl/worksheets/sheet1.xml') {
      const xml = data.toString('utf8');
      const at = xml.indexOf('<sheetData>') + '<sheetData>'.length;
      data = Buffer.concat([
        Buffer.from(xml.slice(0, at)),
        Buffer.alloc(padMb << 20, 0x20),
        Buffer.from(xml.slice(at)),
      ]);
    }
    entries.push({ name, data });
  }
  return zipOf(entries);
}
