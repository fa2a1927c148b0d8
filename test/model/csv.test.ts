import { expect } from '@open-wc/testing';
import { CSV_FORMULA_TRIGGERS, neutralizeCsvCell, toCsv } from '../../src/model/csv.js';

const BOM = '\uFEFF';

describe('neutralizeCsvCell', () => {
  it('prefixes an apostrophe to text starting with each formula trigger', () => {
    expect(CSV_FORMULA_TRIGGERS).to.have.members(['=', '+', '-', '@', '\t', '\r']);
    expect(neutralizeCsvCell('=HYPERLINK("http://evil.example","x")')).to.equal(`'=HYPERLINK("http://evil.example","x")`);
    expect(neutralizeCsvCell('+1+cmd|" /C calc"!A0')).to.equal(`'+1+cmd|" /C calc"!A0`);
    expect(neutralizeCsvCell('-2+3')).to.equal(`'-2+3`);
    expect(neutralizeCsvCell('@SUM(A1:A9)')).to.equal(`'@SUM(A1:A9)`);
    expect(neutralizeCsvCell('\tnote')).to.equal(`'\tnote`);
    expect(neutralizeCsvCell('\rnote')).to.equal(`'\rnote`);
  });

  it('catches a trigger hidden behind leading whitespace', () => {
    expect(neutralizeCsvCell('  =1+1')).to.equal(`'  =1+1`);
    expect(neutralizeCsvCell('\n@SUM(A1)')).to.equal(`'\n@SUM(A1)`);
    expect(neutralizeCsvCell('\u3000=1+1')).to.equal(`'\u3000=1+1`);
    expect(neutralizeCsvCell('\u00a0-5')).to.equal(`'\u00a0-5`);
  });

  it('leaves ordinary text alone, including triggers later in the text', () => {
    expect(neutralizeCsvCell('Revenue')).to.equal('Revenue');
    expect(neutralizeCsvCell('a=b')).to.equal('a=b');
    expect(neutralizeCsvCell('客户满意度 - 季度')).to.equal('客户满意度 - 季度');
    expect(neutralizeCsvCell(' spaced')).to.equal(' spaced');
    expect(neutralizeCsvCell('   ')).to.equal('   ');
    expect(neutralizeCsvCell('')).to.equal('');
  });
});

describe('toCsv', () => {
  it('starts with a byte order mark and separates records with CRLF', () => {
    const csv = toCsv([
      ['name', 'actual'],
      ['Uptime', 99.9],
    ]);
    expect(csv.startsWith(BOM)).to.equal(true);
    expect(csv).to.equal(`${BOM}name,actual\r\nUptime,99.9`);
  });

  it('is only the byte order mark for no rows', () => {
    expect(toCsv([])).to.equal(BOM);
  });

  it('quotes fields holding a comma, quote or line break, doubling quotes', () => {
    const csv = toCsv([['a,b', 'say "hi"', 'two\nlines', 'cr\rhere', 'crlf\r\nhere', 'plain']]);
    expect(csv).to.equal(`${BOM}"a,b","say ""hi""","two\nlines","cr\rhere","crlf\r\nhere",plain`);
  });

  it('writes empty, boolean and number cells', () => {
    const csv = toCsv([[null, undefined, true, false, 0, 1.5, 1e21, Number.NaN, Number.POSITIVE_INFINITY, '']]);
    expect(csv).to.equal(`${BOM},,true,false,0,1.5,1e+21,,,`);
  });

  it('keeps a negative number a number, but neutralises the same text', () => {
    expect(toCsv([[-5, '-5', -0.25]])).to.equal(`${BOM}-5,'-5,-0.25`);
  });

  it('neutralises formulas in every text cell, quoting where the result needs it', () => {
    const csv = toCsv([['=1+1', '+x', '-x', '@x', '\tx', '\rx', '=SUM(A1,B1)']]);
    expect(csv).to.equal(`${BOM}'=1+1,'+x,'-x,'@x,'\tx,"'\rx","'=SUM(A1,B1)"`);
  });

  it('keeps Chinese text as it is', () => {
    const csv = toCsv([
      ['指标', '负责人', '完成率'],
      ['客户满意度（NPS）', '王芳', 0.92],
    ]);
    expect(csv).to.equal(`${BOM}指标,负责人,完成率\r\n客户满意度（NPS）,王芳,0.92`);
    // The BOM survives encoding: the bytes Excel looks for.
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
  });

  it('keeps rows of different lengths as given', () => {
    expect(toCsv([['a'], ['b', 'c'], []])).to.equal(`${BOM}a\r\nb,c\r\n`);
  });
});
