/**
 * checkCii: checks a CII invoice against the EN 16931 rules that decide its amounts — exactly, to
 * the cent, with no tolerance — and against the French and project rules below.
 *
 * The official validators (CEN schematron) accept a VAT amount up to 1,00 away from basis × rate
 * and a category basis up to 1,00 away from its items (BR-CO-17, BR-Z-08 …): passing them proves
 * little about cents (STACK-NOTES 17). Here every comparison is exact decimal arithmetic on the
 * written values (BigInt, never a float), and the one rounding the norm prescribes (BR-CO-17,
 * and the line amount of CPT-LINE-NET) is half away from zero, as lib/tax rounds.
 *
 * Rule ids are the norm's where the rule is the norm's (`BR-CO-10`, `BR-S-08`, `BR-DEC-23` …).
 * Project and French rules are prefixed `CPT-`:
 * - CPT-XML: not well-formed XML, or not an rsm:CrossIndustryInvoice (the only violation then);
 * - CPT-SYNTAX: a number that is not an xs:decimal, an unreadable ChargeIndicator;
 * - CPT-GUIDELINE: BT-24 is not `urn:cen.eu:en16931:2017`;
 * - CPT-TYPE-CODE: BT-3 is not 380 (invoice) or 381 (credit note);
 * - CPT-NUMBER: BT-1 is not at most 35 letters, digits and `+ - _ /` (French numbering rule);
 * - CPT-DATE: a date is not format 102 (`YYYYMMDD`) or not a calendar date;
 * - CPT-CURRENCY: BT-5 is not EUR, or BT-110 is not given exactly once with currencyID EUR;
 * - CPT-CATEGORY: a VAT category other than S, Z, K, AE, G (the project issues no other);
 * - CPT-VAT-BREAKDOWN: a (category, rate) used by a line, allowance or charge has no VAT breakdown,
 *   or has several (so that Σ BT-116 = BT-109 follows from the category rules);
 * - CPT-LINE-NET: BT-131 ≠ round(BT-129 × BT-146 ÷ BT-149, 2) − Σ BT-136 + Σ BT-141;
 * - CPT-FR-NOTES: an invoice (380) without the notes PMD, PMT and AAB (French mandatory mentions);
 * - CPT-PRECEDING-INVOICE: a credit note (381) without the invoice it corrects (BT-25).
 */
import { EN16931_GUIDELINE, EXEMPTION_CODE, FRENCH_INVOICE_NUMBER } from './cii-constants';
import {
  addDecimal,
  centsDecimal,
  compareDecimal,
  divRoundHalfAway,
  equalDecimal,
  formatAmount,
  formatDecimal,
  subDecimal,
  sumDecimals,
  writtenDecimals,
  ZERO,
  type Decimal,
} from './decimal';
import { readCii, type CiiAllowanceCharge, type CiiDate, type CiiInvoice, type CiiNumber, type CiiTax } from './read-cii';

/** One broken rule: its id (`BR-CO-10`, `CPT-LINE-NET` …) and what is wrong, with the values. */
export interface CiiViolation {
  rule: string;
  message: string;
}

/** The result of checkCii: ok when no rule is broken. */
export interface CheckCiiResult {
  ok: boolean;
  violations: CiiViolation[];
}

type Category = 'S' | 'Z' | 'K' | 'AE' | 'G';
const CATEGORIES: readonly Category[] = ['S', 'Z', 'K', 'AE', 'G'];
/** The rule-id prefix of each category (K is "IC", intra-community supply). */
const PREFIX: Readonly<Record<Category, string>> = { S: 'BR-S', Z: 'BR-Z', K: 'BR-IC', AE: 'BR-AE', G: 'BR-G' };
const NAME: Readonly<Record<Category, string>> = {
  S: 'Standard rated',
  Z: 'Zero rated',
  K: 'Intra-community supply',
  AE: 'Reverse charge',
  G: 'Export outside the EU',
};

const isCategory = (c: string | null | undefined): c is Category => c !== null && c !== undefined && (CATEGORIES as string[]).includes(c);

/** An amount of an item that belongs to a VAT category and rate (a line net, an allowance, a charge). */
interface TaxedItem {
  kind: 'line' | 'allowance' | 'charge';
  label: string;
  category: Category;
  rate: Decimal | null;
  /** Signed: allowances negative. Null when missing or unreadable (the rules that need it are skipped). */
  amount: Decimal | null;
}

const ONE: Decimal = { units: 1n, scale: 0 };
const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** round(basis × rate ÷ 100) to the cent, half away from zero (BR-CO-17), exactly. */
function vatOf(basis: Decimal, rate: Decimal): Decimal {
  // basis × rate ÷ 100 in cents = basis.units × rate.units ÷ 10^(basis.scale + rate.scale).
  return centsDecimal(divRoundHalfAway(basis.units * rate.units, pow10(basis.scale + rate.scale)));
}

/** round(quantity × price ÷ base, 2), half away from zero; base > 0. */
function lineAmount(quantity: Decimal, price: Decimal, base: Decimal): Decimal {
  // In cents: q.units × p.units × 10^b.scale × 100 ÷ (10^(q.scale + p.scale) × b.units).
  const n = quantity.units * price.units * pow10(base.scale) * 100n;
  const d = pow10(quantity.scale + price.scale) * base.units;
  return centsDecimal(divRoundHalfAway(d < 0n ? -n : n, d < 0n ? -d : d));
}

function validDate102(d: CiiDate): boolean {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(d.text);
  if (d.format !== '102' || m === null) return false;
  const [y, mo, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, day));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === day;
}

const blank = (text: string | null | undefined): boolean => text === null || text === undefined || text.trim() === '';

/**
 * Checks a CII XML string (EN 16931 profile) to the cent. Never throws; a text that is not a CII
 * invoice gives a single CPT-XML violation. See the module comment for the rules.
 */
export function checkCii(xml: string): CheckCiiResult {
  const read = readCii(xml);
  if (!read.ok) return { ok: false, violations: [{ rule: 'CPT-XML', message: read.error }] };
  const violations: CiiViolation[] = [];
  const report = (rule: string, message: string): void => {
    violations.push({ rule, message });
  };
  new Checker(read.invoice, report).run();
  return { ok: violations.length === 0, violations };
}

class Checker {
  private readonly items: TaxedItem[] = [];

  constructor(
    private readonly inv: CiiInvoice,
    private readonly report: (rule: string, message: string) => void,
  ) {}

  /**
   * A number's value, reporting what is wrong with it: `presence` when it is missing, CPT-SYNTAX
   * when it is not a decimal, `decimals` when it has more than 2 decimals (it is still used then).
   */
  private num(n: CiiNumber | null, what: string, presence?: string, decimals?: string): Decimal | null {
    if (n === null) {
      if (presence !== undefined) this.report(presence, `${what} is missing`);
      return null;
    }
    if (n.value === null) {
      this.report('CPT-SYNTAX', `${what} '${n.text}' is not a decimal number`);
      return null;
    }
    if (decimals !== undefined && writtenDecimals(n.text) > 2) {
      this.report(decimals, `${what} '${n.text.trim()}' has more than 2 decimals`);
    }
    return n.value;
  }

  private date(d: CiiDate | null, what: string): void {
    if (d !== null && !validDate102(d)) {
      this.report('CPT-DATE', `${what} '${d.text}' (format ${d.format ?? 'missing'}) is not a format-102 date YYYYMMDD`);
    }
  }

  run(): void {
    this.header();
    this.parties();
    this.lines();
    this.documentAllowancesAndCharges();
    this.breakdown();
    this.totals();
    this.vatIdentifiers();
  }

  private header(): void {
    const inv = this.inv;
    if (blank(inv.guideline)) this.report('BR-01', 'the specification identifier (BT-24) is missing');
    else if (inv.guideline !== EN16931_GUIDELINE) {
      this.report('CPT-GUIDELINE', `the specification identifier (BT-24) is '${inv.guideline}', not '${EN16931_GUIDELINE}'`);
    }
    if (blank(inv.number)) this.report('BR-02', 'the invoice number (BT-1) is missing');
    else if (!FRENCH_INVOICE_NUMBER.test(inv.number!)) {
      this.report('CPT-NUMBER', `the invoice number '${inv.number}' must be 1 to 35 letters, digits and + - _ /`);
    }
    if (inv.issueDate === null || blank(inv.issueDate.text) || inv.issueDate.format !== '102') {
      this.report('BR-03', 'the invoice issue date (BT-2, format 102) is missing');
    } else this.date(inv.issueDate, 'the issue date (BT-2)');
    if (blank(inv.typeCode)) this.report('BR-04', 'the invoice type code (BT-3) is missing');
    else if (inv.typeCode !== '380' && inv.typeCode !== '381') {
      this.report('CPT-TYPE-CODE', `the type code (BT-3) is ${inv.typeCode}: only 380 (invoice) and 381 (credit note) are issued`);
    }
    if (blank(inv.currency)) this.report('BR-05', 'the invoice currency code (BT-5) is missing');
    else if (inv.currency !== 'EUR') this.report('CPT-CURRENCY', `the invoice currency (BT-5) is ${inv.currency}, not EUR`);

    if (inv.typeCode === '380') {
      for (const subject of ['PMD', 'PMT', 'AAB']) {
        if (!inv.notes.some((n) => n.subjectCode === subject && !blank(n.content))) {
          this.report('CPT-FR-NOTES', `an invoice must carry a note with subject ${subject} (French mandatory payment mentions)`);
        }
      }
    }
    if (inv.typeCode === '381' && !inv.precedingInvoices.some((p) => !blank(p.id))) {
      this.report('CPT-PRECEDING-INVOICE', 'a credit note must reference the invoice it corrects (BT-25)');
    }
    inv.precedingInvoices.forEach((p, i) => {
      if (blank(p.id)) this.report('BR-55', `preceding invoice reference ${i + 1} has no invoice number (BT-25)`);
      this.date(p.issueDate, `the preceding invoice issue date (BT-26) ${i + 1}`);
    });
    this.date(inv.deliveryDate, 'the actual delivery date (BT-72)');
    this.date(inv.paymentTerms?.dueDate ?? null, 'the payment due date (BT-9)');
    if (inv.shipTo?.hasAddress && inv.shipTo.country === null) {
      this.report('BR-57', 'the deliver-to address (BG-15) has no country code (BT-80)');
    }
    inv.paymentMeans.forEach((m, i) => {
      if (blank(m.typeCode)) this.report('BR-49', `payment instruction ${i + 1} has no payment means type code (BT-81)`);
      if ((m.typeCode === '30' || m.typeCode === '58') && m.iban === null) {
        this.report('BR-61', `payment means ${m.typeCode} (credit transfer) needs the payment account identifier (BT-84)`);
      }
    });
  }

  private parties(): void {
    const { seller, buyer } = this.inv;
    if (blank(seller?.name)) this.report('BR-06', 'the seller name (BT-27) is missing');
    if (blank(buyer?.name)) this.report('BR-07', 'the buyer name (BT-44) is missing');
    if (!seller?.hasAddress) this.report('BR-08', 'the seller postal address (BG-5) is missing');
    else if (seller.country === null) this.report('BR-09', 'the seller country code (BT-40) is missing');
    if (!buyer?.hasAddress) this.report('BR-10', 'the buyer postal address (BG-8) is missing');
    else if (buyer.country === null) this.report('BR-11', 'the buyer country code (BT-55) is missing');
    if (seller !== null && seller.ids.length === 0 && seller.legalId === null && seller.vatId === null) {
      this.report('BR-CO-26', 'the seller has no identifier (BT-29), legal registration identifier (BT-30) or VAT identifier (BT-31)');
    }
    if (seller?.electronicAddress && blank(seller.electronicAddress.scheme)) {
      this.report('BR-62', 'the seller electronic address (BT-34) has no scheme identifier');
    }
    if (buyer?.electronicAddress && blank(buyer.electronicAddress.scheme)) {
      this.report('BR-63', 'the buyer electronic address (BT-49) has no scheme identifier');
    }
  }

  /** The category of a line, allowance or charge, reporting a missing or unsupported one. */
  private category(tax: CiiTax | null, label: string, missingRule: string): Category | null {
    const code = tax !== null && tax.typeCode?.toUpperCase() === 'VAT' ? tax.category : null;
    if (blank(code)) {
      this.report(missingRule, `${label} has no VAT category code`);
      return null;
    }
    if (!isCategory(code)) {
      this.report('CPT-CATEGORY', `${label} has VAT category ${code}: only S, Z, K, AE and G are issued`);
      return null;
    }
    return code;
  }

  /** BR-x-05/06/07: the rate of a line, allowance or charge of the category (S > 0, others 0). */
  private itemRate(category: Category, rate: Decimal | null, label: string, suffix: '05' | '06' | '07'): void {
    const rule = `${PREFIX[category]}-${suffix}`;
    if (rate === null) {
      this.report(rule, `${label} (${NAME[category]}) has no VAT rate`);
    } else if (category === 'S' ? compareDecimal(rate, ZERO) <= 0 : !equalDecimal(rate, ZERO)) {
      this.report(rule, `${label} (${NAME[category]}) has VAT rate ${formatDecimal(rate)} %, which must be ${category === 'S' ? 'greater than 0' : '0'}`);
    }
  }

  private lines(): void {
    const lines = this.inv.lines;
    if (lines.length === 0) this.report('BR-16', 'the invoice has no line (BG-25)');
    lines.forEach((line, i) => {
      const label = `line ${blank(line.id) ? `#${i + 1}` : line.id!.trim()}`;
      if (blank(line.id)) this.report('BR-21', `line #${i + 1} has no line identifier (BT-126)`);
      if (blank(line.name)) this.report('BR-25', `${label} has no item name (BT-153)`);
      const quantity = this.num(line.quantity, `${label}: the invoiced quantity (BT-129)`, 'BR-22');
      if (line.quantity !== null && blank(line.unitCode)) this.report('BR-23', `${label} has no unit of measure code (BT-130)`);
      const price = this.num(line.netPrice, `${label}: the item net price (BT-146)`, 'BR-26');
      if (price !== null && compareDecimal(price, ZERO) < 0) {
        this.report('BR-27', `${label}: the item net price (BT-146) ${formatDecimal(price)} is negative`);
      }
      const base = line.baseQuantity === null ? ONE : this.num(line.baseQuantity, `${label}: the base quantity (BT-149)`);
      const net = this.num(line.netAmount, `${label}: the line net amount (BT-131)`, 'BR-24', 'BR-DEC-23');
      if (line.unknownAllowanceCharges > 0) {
        this.report('CPT-SYNTAX', `${label} has an allowance or charge whose ChargeIndicator is not true or false`);
      }
      const allowances = line.allowances.map((a, k) => {
        if (blank(a.reason) && blank(a.reasonCode)) this.report('BR-42', `${label}: allowance ${k + 1} has no reason (BT-139) or reason code (BT-140)`);
        return this.num(a.amount, `${label}: allowance ${k + 1} amount (BT-136)`, 'BR-41', 'BR-DEC-24');
      });
      const charges = line.charges.map((c, k) => {
        if (blank(c.reason) && blank(c.reasonCode)) this.report('BR-44', `${label}: charge ${k + 1} has no reason (BT-144) or reason code (BT-145)`);
        return this.num(c.amount, `${label}: charge ${k + 1} amount (BT-141)`, 'BR-43', 'BR-DEC-27');
      });

      if (quantity !== null && price !== null && base !== null && net !== null && !allowances.includes(null) && !charges.includes(null)) {
        if (compareDecimal(base, ZERO) <= 0) {
          this.report('CPT-LINE-NET', `${label}: the base quantity (BT-149) ${formatDecimal(base)} must be positive`);
        } else {
          const gross = lineAmount(quantity, price, base);
          const expected = subDecimal(addDecimal(gross, sumDecimals(charges as Decimal[])), sumDecimals(allowances as Decimal[]));
          if (!equalDecimal(expected, net)) {
            this.report(
              'CPT-LINE-NET',
              `${label}: the line net amount (BT-131) is ${formatAmount(net)}, but ${formatDecimal(quantity)} × ${formatDecimal(price)} ÷ ${formatDecimal(base)} = ${formatAmount(gross)}, − allowances + charges = ${formatAmount(expected)}`,
            );
          }
        }
      }

      const category = this.category(line.tax, label, 'BR-CO-04');
      if (category !== null) {
        const rate = line.tax?.rate ? this.num(line.tax.rate, `${label}: the VAT rate (BT-152)`) : null;
        this.itemRate(category, rate, label, '05');
        this.items.push({ kind: 'line', label, category, rate, amount: net });
      }
    });
  }

  private documentAllowancesAndCharges(): void {
    if (this.inv.unknownAllowanceCharges > 0) {
      this.report('CPT-SYNTAX', 'a document-level allowance or charge has a ChargeIndicator that is not true or false');
    }
    const check = (a: CiiAllowanceCharge, k: number, charge: boolean): void => {
      const label = `document ${charge ? 'charge' : 'allowance'} ${k + 1}`;
      const amount = this.num(
        a.amount,
        `${label}: amount (${charge ? 'BT-99' : 'BT-92'})`,
        charge ? 'BR-36' : 'BR-31',
        charge ? 'BR-DEC-05' : 'BR-DEC-01',
      );
      if (blank(a.reason) && blank(a.reasonCode)) {
        this.report(charge ? 'BR-38' : 'BR-33', `${label} has no reason or reason code`);
      }
      const category = this.category(a.tax, label, charge ? 'BR-37' : 'BR-32');
      if (category !== null) {
        const rate = a.tax?.rate ? this.num(a.tax.rate, `${label}: the VAT rate`) : null;
        this.itemRate(category, rate, label, charge ? '07' : '06');
        const signed = amount === null ? null : charge ? amount : subDecimal(ZERO, amount);
        this.items.push({ kind: charge ? 'charge' : 'allowance', label, category, rate, amount: signed });
      }
    };
    this.inv.allowances.forEach((a, k) => check(a, k, false));
    this.inv.charges.forEach((c, k) => check(c, k, true));
  }

  private breakdown(): void {
    const entries = this.inv.breakdown;
    if (entries.length === 0) this.report('BR-CO-18', 'the invoice has no VAT breakdown (BG-23)');
    const seen = new Map<string, number>();
    entries.forEach((b, i) => {
      const label = `VAT breakdown ${i + 1}${b.category ? ` (${b.category}${b.rate ? ` ${b.rate.text.trim()} %` : ''})` : ''}`;
      const basis = this.num(b.basis, `${label}: the taxable amount (BT-116)`, 'BR-45', 'BR-DEC-19');
      const vat = this.num(b.vat, `${label}: the tax amount (BT-117)`, 'BR-46', 'BR-DEC-20');
      if (b.typeCode?.toUpperCase() !== 'VAT' || blank(b.category)) {
        this.report('BR-47', `${label} has no VAT category code (BT-118)`);
        return;
      }
      const rate = this.num(b.rate, `${label}: the rate (BT-119)`, 'BR-48');
      if (basis !== null && vat !== null && rate !== null) {
        const expected = vatOf(basis, rate);
        if (!equalDecimal(expected, vat)) {
          this.report(
            'BR-CO-17',
            `${label}: the tax amount (BT-117) is ${formatAmount(vat)}, but ${formatAmount(basis)} × ${formatDecimal(rate)} % = ${formatAmount(expected)}`,
          );
        }
      }
      const category = b.category!;
      if (!isCategory(category)) {
        this.report('CPT-CATEGORY', `${label} has VAT category ${category}: only S, Z, K, AE and G are issued`);
        return;
      }
      const key = category === 'S' ? `S ${rate === null ? '?' : formatDecimal(rate)}` : category;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      const prefix = PREFIX[category];

      // -08: the taxable amount is the sum of its items (S: per rate; other categories: all of them).
      const mine = this.items.filter(
        (it) => it.category === category && (category !== 'S' || (rate !== null && it.rate !== null && equalDecimal(it.rate, rate))),
      );
      if (basis !== null && !mine.some((it) => it.amount === null) && (category !== 'S' || rate !== null)) {
        const expected = sumDecimals(mine.map((it) => it.amount!));
        if (!equalDecimal(expected, basis)) {
          this.report(
            `${prefix}-08`,
            `${label}: the taxable amount (BT-116) is ${formatAmount(basis)}, but its lines, charges and allowances add up to ${formatAmount(expected)}`,
          );
        }
      }
      // -09: S = basis × rate (as BR-CO-17); the others carry no VAT at rate 0.
      if (category === 'S') {
        if (basis !== null && vat !== null && rate !== null && !equalDecimal(vatOf(basis, rate), vat)) {
          this.report('BR-S-09', `${label}: the tax amount (BT-117) ${formatAmount(vat)} is not the taxable amount × the rate, ${formatAmount(vatOf(basis, rate))}`);
        }
      } else {
        if (vat !== null && !equalDecimal(vat, ZERO)) this.report(`${prefix}-09`, `${label}: the tax amount (BT-117) must be 0, is ${formatAmount(vat)}`);
        if (rate !== null && !equalDecimal(rate, ZERO)) this.report(`${prefix}-09`, `${label}: the rate (BT-119) must be 0, is ${formatDecimal(rate)}`);
      }
      // -10: S and Z carry no exemption reason; K, AE and G need one (its VATEX code, or a text).
      const code = EXEMPTION_CODE[category];
      if (code === undefined) {
        if (!blank(b.exemptionReason) || !blank(b.exemptionReasonCode)) {
          this.report(`${prefix}-10`, `${label} (${NAME[category]}) must not have a VAT exemption reason (BT-120/BT-121)`);
        }
      } else if (!blank(b.exemptionReasonCode) ? b.exemptionReasonCode !== code : blank(b.exemptionReason)) {
        this.report(
          `${prefix}-10`,
          `${label} (${NAME[category]}) needs the VAT exemption reason code ${code} (BT-121) or an exemption reason text (BT-120)` +
            (blank(b.exemptionReasonCode) ? '' : `, has code ${b.exemptionReasonCode}`),
        );
      }
    });

    // -01: an item of a category needs a breakdown of that category (exactly one, except S).
    for (const category of CATEGORIES) {
      if (!this.items.some((it) => it.category === category)) continue;
      const count = entries.filter((b) => b.typeCode?.toUpperCase() === 'VAT' && b.category === category).length;
      if (category === 'S' ? count === 0 : count !== 1) {
        this.report(`${PREFIX[category]}-01`, `the invoice has ${NAME[category]} items and ${count} VAT breakdowns of category ${category}`);
      }
    }
    // Every (category, rate) of an item has exactly one breakdown.
    const needed = new Set(
      this.items.map((it) => (it.category === 'S' ? `S ${it.rate === null ? '?' : formatDecimal(it.rate)}` : it.category)),
    );
    for (const key of needed) {
      if (key === 'S ?') continue;
      if (!seen.has(key)) this.report('CPT-VAT-BREAKDOWN', `no VAT breakdown for the items of ${key}${key.startsWith('S ') ? ' %' : ''}`);
    }
    for (const [key, count] of seen) {
      if (count > 1) this.report('CPT-VAT-BREAKDOWN', `${count} VAT breakdowns for ${key}${key.startsWith('S ') ? ' %' : ''}: one is expected`);
    }

    if (entries.some((b) => b.category === 'K')) {
      if (this.inv.deliveryDate === null && !this.inv.hasInvoicingPeriod) {
        this.report('BR-IC-11', 'an intra-community supply needs the actual delivery date (BT-72) or the invoicing period (BG-14)');
      }
      if (this.inv.shipTo?.country == null) {
        this.report('BR-IC-12', 'an intra-community supply needs the deliver-to country code (BT-80)');
      }
    }
  }

  private totals(): void {
    const t = this.inv.totals;
    if (t === null) {
      for (const [rule, what] of [
        ['BR-12', 'BT-106'],
        ['BR-13', 'BT-109'],
        ['BR-14', 'BT-112'],
        ['BR-15', 'BT-115'],
      ] as const) {
        this.report(rule, `the document totals (BG-22) are missing, and with them ${what}`);
      }
      return;
    }
    const lineTotal = this.num(t.lineTotal, 'the sum of line net amounts (BT-106)', 'BR-12', 'BR-DEC-09');
    const allowanceTotal = this.num(t.allowanceTotal, 'the sum of allowances (BT-107)', undefined, 'BR-DEC-10');
    const chargeTotal = this.num(t.chargeTotal, 'the sum of charges (BT-108)', undefined, 'BR-DEC-11');
    const taxBasis = this.num(t.taxBasisTotal, 'the total without VAT (BT-109)', 'BR-13', 'BR-DEC-12');
    const grand = this.num(t.grandTotal, 'the total with VAT (BT-112)', 'BR-14', 'BR-DEC-14');
    const prepaid = this.num(t.prepaid, 'the paid amount (BT-113)', undefined, 'BR-DEC-16');
    const rounding = this.num(t.rounding, 'the rounding amount (BT-114)', undefined, 'BR-DEC-17');
    const due = this.num(t.duePayable, 'the amount due (BT-115)', 'BR-15', 'BR-DEC-18');

    // BT-110 is the TaxTotalAmount in the invoice currency; another currency's is BT-111.
    const currency = this.inv.currency;
    if (t.taxTotals.some((x) => blank(x.currency))) this.report('CPT-CURRENCY', 'a TaxTotalAmount has no currencyID');
    const inCurrency = t.taxTotals.filter((x) => x.currency !== null && x.currency === currency);
    if (inCurrency.length !== 1) {
      this.report('CPT-CURRENCY', `the total VAT amount (BT-110) must be given exactly once with currencyID ${currency ?? 'EUR'}, found ${inCurrency.length}`);
    }
    const taxTotal = inCurrency.length === 1 ? this.num(inCurrency[0]!.amount, 'the total VAT amount (BT-110)', undefined, 'BR-DEC-13') : null;
    for (const other of t.taxTotals.filter((x) => x.currency !== currency)) {
      this.num(other.amount, 'the total VAT amount in accounting currency (BT-111)', undefined, 'BR-DEC-15');
    }

    const eq = (rule: string, actual: Decimal | null, expected: Decimal | null, message: string): void => {
      if (actual !== null && expected !== null && !equalDecimal(actual, expected)) {
        this.report(rule, `${message}: ${formatAmount(actual)} ≠ ${formatAmount(expected)}`);
      }
    };
    const all = <T>(list: readonly (T | null)[]): T[] | null => (list.includes(null) ? null : (list as T[]));

    const lineNets = all(this.inv.lines.map((l) => l.netAmount?.value ?? null));
    eq('BR-CO-10', lineTotal, lineNets && sumDecimals(lineNets), 'the sum of line net amounts (BT-106) is not Σ BT-131');

    const allowances = all(this.inv.allowances.map((a) => a.amount?.value ?? null));
    const charges = all(this.inv.charges.map((c) => c.amount?.value ?? null));
    if (allowanceTotal === null && t.allowanceTotal === null && this.inv.allowances.length > 0) {
      this.report('BR-CO-11', 'the sum of allowances (BT-107) is missing while the invoice has document-level allowances');
    }
    eq('BR-CO-11', allowanceTotal, allowances && sumDecimals(allowances), 'the sum of allowances (BT-107) is not Σ BT-92');
    if (chargeTotal === null && t.chargeTotal === null && this.inv.charges.length > 0) {
      this.report('BR-CO-12', 'the sum of charges (BT-108) is missing while the invoice has document-level charges');
    }
    eq('BR-CO-12', chargeTotal, charges && sumDecimals(charges), 'the sum of charges (BT-108) is not Σ BT-99');

    const readable = (n: CiiNumber | null, value: Decimal | null): Decimal | null => (n === null ? ZERO : value);
    const a = readable(t.allowanceTotal, allowanceTotal);
    const c = readable(t.chargeTotal, chargeTotal);
    eq(
      'BR-CO-13',
      taxBasis,
      lineTotal !== null && a !== null && c !== null ? addDecimal(subDecimal(lineTotal, a), c) : null,
      'the total without VAT (BT-109) is not BT-106 − BT-107 + BT-108',
    );
    const vats = all(this.inv.breakdown.map((b) => b.vat?.value ?? null));
    eq('BR-CO-14', taxTotal, vats && sumDecimals(vats), 'the total VAT amount (BT-110) is not Σ BT-117');
    eq(
      'BR-CO-15',
      grand,
      taxBasis !== null && taxTotal !== null ? addDecimal(taxBasis, taxTotal) : null,
      'the total with VAT (BT-112) is not BT-109 + BT-110',
    );
    const p = readable(t.prepaid, prepaid);
    const r = readable(t.rounding, rounding);
    eq(
      'BR-CO-16',
      due,
      grand !== null && p !== null && r !== null ? addDecimal(subDecimal(grand, p), r) : null,
      'the amount due (BT-115) is not BT-112 − BT-113 + BT-114',
    );
    if (due !== null && compareDecimal(due, ZERO) > 0 && this.inv.paymentTerms?.dueDate == null && blank(this.inv.paymentTerms?.description)) {
      this.report('BR-CO-25', 'a positive amount due (BT-115) needs the payment due date (BT-9) or the payment terms (BT-20)');
    }
  }

  /** BR-x-02/03/04: the VAT identifiers each category requires (reported once per rule). */
  private vatIdentifiers(): void {
    const { seller, buyer, taxRepresentativeVatId: representative } = this.inv;
    const sellerVat = seller?.vatId != null || representative !== null;
    const sellerVatOrTaxId = sellerVat || seller?.taxRegistrationId != null;
    const buyerVat = buyer?.vatId != null;
    const buyerVatOrLegal = buyerVat || (buyer?.legalId != null && !blank(buyer.legalId.id));
    const satisfied: Record<Category, boolean> = {
      S: sellerVatOrTaxId,
      Z: sellerVatOrTaxId,
      AE: sellerVatOrTaxId && buyerVatOrLegal,
      K: sellerVat && buyerVat,
      G: sellerVat,
    };
    const needs: Record<Category, string> = {
      S: 'the seller VAT identifier (BT-31), tax registration identifier (BT-32) or tax representative VAT identifier (BT-63)',
      Z: 'the seller VAT identifier (BT-31), tax registration identifier (BT-32) or tax representative VAT identifier (BT-63)',
      AE: 'the seller VAT identifier (BT-31/BT-32/BT-63) and the buyer VAT identifier (BT-48) or legal registration identifier (BT-47)',
      K: 'the seller VAT identifier (BT-31 or BT-63) and the buyer VAT identifier (BT-48)',
      G: 'the seller VAT identifier (BT-31) or tax representative VAT identifier (BT-63)',
    };
    const suffix = { line: '02', allowance: '03', charge: '04' } as const;
    const reported = new Set<string>();
    for (const item of this.items) {
      if (satisfied[item.category]) continue;
      const rule = `${PREFIX[item.category]}-${suffix[item.kind]}`;
      if (reported.has(rule)) continue;
      reported.add(rule);
      this.report(rule, `${item.label} is ${NAME[item.category]}: the invoice needs ${needs[item.category]}`);
    }
  }
}
