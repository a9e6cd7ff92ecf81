/**
 * Validating EHF / PEPPOL BIS Billing 3.0 documents in tests (issue 19), with the artefacts in
 * ../shared/corpora/peppol-bis3 (see its SOURCES.md):
 * - the UBL 2.1 schema, with xmllint-wasm. The ph-ubl copies import the CCTS, xmldsig and XAdES
 *   namespaces without a schemaLocation; the files are loaded with one injected (their names in
 *   `external/`), as the corpus notes say a harness must.
 * - the CEN EN 16931 UBL Schematron, run as it is by node-schematron (fontoxpath, XPath 3.1): the
 *   whole rule set, or only the rules that matter most (`CORE_RULES`), which is several times faster.
 *   The PEPPOL rule set cannot be run this way (it defines XSLT functions, u:mod11 and others, that
 *   node-schematron does not support), and no way to run XSLT 2/3 Schematron with a compiled
 *   stylesheet exists in the corpus, so the PEPPOL and Norwegian rules that matter most are written
 *   out below (`PEPPOL_NO_RULES`), their tests rephrased without those functions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Schema } from 'node-schematron';
import { validateXML } from 'xmllint-wasm';

export const CORPUS = fileURLToPath(new URL('../../../../../shared/corpora/peppol-bis3/', import.meta.url));
const XSD = `${CORPUS}ubl21_xsd/`;

/** Namespace → the schema file in `external/` for the imports that lack a schemaLocation. */
const NAMESPACE_FILES: Record<string, string> = {
  'urn:un:unece:uncefact:data:specification:CoreComponentTypeSchemaModule:2': 'CCTS_CCT_SchemaModule.xsd',
  'http://www.w3.org/2000/09/xmldsig#': 'xmldsig-core-schema.xsd',
  'http://uri.etsi.org/01903/v1.3.2#': 'XAdES01903v132-201601.xsd',
  'http://uri.etsi.org/01903/v1.4.1#': 'XAdES01903v141-201601.xsd',
};

function withLocations(text: string, fromFolder: 'common' | 'external'): string {
  return text.replace(/<xsd:import\s+namespace="([^"]+)"\s*\/>/g, (whole, namespace: string) => {
    const file = NAMESPACE_FILES[namespace];
    if (!file) return whole;
    const location = fromFolder === 'external' ? file : `../external/${file}`;
    return `<xsd:import namespace="${namespace}" schemaLocation="${location}"/>`;
  });
}

function schemaFiles(): { fileName: string; contents: string }[] {
  const files: { fileName: string; contents: string }[] = [];
  for (const folder of ['common', 'external'] as const)
    for (const name of readdirSync(`${XSD}${folder}`))
      files.push({
        fileName: `${folder}/${name}`,
        contents: withLocations(readFileSync(`${XSD}${folder}/${name}`, 'utf8'), folder),
      });
  return files;
}

/** Schema errors of UBL documents (all of one kind: Invoice or CreditNote), per file; [] when all are valid. */
export async function ublSchemaErrors(kind: 'Invoice' | 'CreditNote', documents: { name: string; text: string }[]) {
  const main = `maindoc/UBL-${kind}-2.1.xsd`;
  const result = await validateXML({
    xml: documents.map((d) => ({ fileName: d.name, contents: d.text })),
    schema: [{ fileName: main, contents: readFileSync(`${XSD}${main}`, 'utf8') }],
    preload: schemaFiles(),
  });
  return result.errors.map((e) => `${e.loc?.fileName ?? ''}:${e.loc?.lineNumber ?? ''} ${e.message}`);
}

/**
 * The CEN rules kept for `coreRules`: the mandatory fields of the document and its lines (BR-01..16,
 * BR-21..27), the totals (BR-CO-10..17) and the standard-rated VAT breakdown (BR-S-08/09).
 */
export const CORE_RULE_IDS = /^BR-(0[1-9]|1[0-6]|2[1-7]|CO-1[0-7]|S-0[89])$/;

const cenText = () => readFileSync(`${CORPUS}phive_2026.5/sch/CEN-EN16931-UBL.sch`, 'utf8');

/** The CEN EN 16931 UBL Schematron as it is (release 2026.5). */
export function cenRules(): RuleSet {
  return ruleSet(cenText());
}

/**
 * The PEPPOL and Norwegian rules that matter most, as in PEPPOL-EN16931-UBL.sch 2026.5, written
 * without its XSLT functions: u:mod11 (Norwegian organisation numbers, weights 3 2 7 6 5 4 3 2) and
 * u:slack (a difference of at most 0.02) are spelled out in XPath. One pattern per rule: within a
 * pattern a node is checked only by the first rule whose context matches it.
 */
const MOD11 = (x: string) =>
  `(let $d := ${x} return matches($d, '^[0-9]{9}$') and (let $s := sum(for $i in 1 to 8 return xs:integer(substring($d, $i, 1)) * (3, 2, 7, 6, 5, 4, 3, 2)[$i]), $c := (11 - $s mod 11) mod 11 return $c != 10 and $c = xs:integer(substring($d, 9, 1))))`;

const PEPPOL_NO_RULES = `
  <pattern>
    <rule context="/ubl:Invoice | /cn:CreditNote">
      <assert id="PEPPOL-EN16931-R003" flag="fatal" test="cbc:BuyerReference or cac:OrderReference/cbc:ID">A buyer reference or purchase order reference MUST be provided.</assert>
      <assert id="PEPPOL-EN16931-R001" flag="fatal" test="cbc:ProfileID">Business process MUST be provided.</assert>
    </rule>
  </pattern>
  <pattern>
    <rule context="cac:AccountingCustomerParty/cac:Party">
      <assert id="PEPPOL-EN16931-R010" flag="fatal" test="cbc:EndpointID">Buyer electronic address MUST be provided</assert>
    </rule>
  </pattern>
  <pattern>
    <rule context="cac:AccountingSupplierParty/cac:Party">
      <assert id="PEPPOL-EN16931-R020" flag="fatal" test="cbc:EndpointID">Seller electronic address MUST be provided</assert>
    </rule>
  </pattern>
  <pattern>
    <rule context="cac:InvoiceLine | cac:CreditNoteLine">
      <let name="quantity" value="xs:decimal((cbc:InvoicedQuantity, cbc:CreditedQuantity)[1])"/>
      <let name="base" value="if (cac:Price/cbc:BaseQuantity) then xs:decimal(cac:Price/cbc:BaseQuantity) else 1"/>
      <let name="price" value="xs:decimal(cac:Price/cbc:PriceAmount)"/>
      <let name="charges" value="sum(cac:AllowanceCharge[normalize-space(cbc:ChargeIndicator) = 'true']/xs:decimal(cbc:Amount))"/>
      <let name="allowances" value="sum(cac:AllowanceCharge[normalize-space(cbc:ChargeIndicator) = 'false']/xs:decimal(cbc:Amount))"/>
      <assert id="PEPPOL-EN16931-R120" flag="fatal" test="abs(xs:decimal(cbc:LineExtensionAmount) - ($quantity * ($price div $base) + $charges - $allowances)) le 0.02">Invoice line net amount MUST equal (Invoiced quantity * (Item net price/item price base quantity) + Sum of invoice line charge amount - sum of invoice line allowance amount</assert>
      <assert id="PEPPOL-EN16931-R046" flag="fatal" test="not(cac:Price/cac:AllowanceCharge/cbc:BaseAmount) or abs(xs:decimal(cac:Price/cbc:PriceAmount) - (xs:decimal(cac:Price/cac:AllowanceCharge/cbc:BaseAmount) - xs:decimal(cac:Price/cac:AllowanceCharge/cbc:Amount))) le 0">Item net price MUST equal (Gross price - Allowance amount) when gross price is provided.</assert>
    </rule>
  </pattern>
  <pattern>
    <rule context="cbc:EndpointID[@schemeID = '0192'] | cac:PartyIdentification/cbc:ID[@schemeID = '0192'] | cbc:CompanyID[@schemeID = '0192']">
      <assert id="PEPPOL-COMMON-R041" flag="fatal" test="${MOD11('normalize-space()')}">Norwegian organization number MUST be stated in the correct format.</assert>
    </rule>
  </pattern>
  <pattern>
    <rule context="cac:AccountingSupplierParty/cac:Party[cac:PostalAddress/cac:Country/cbc:IdentificationCode = 'NO']">
      <assert id="NO-R-002" flag="warning" test="normalize-space(cac:PartyTaxScheme[normalize-space(cac:TaxScheme/cbc:ID) = 'TAX']/cbc:CompanyID) = 'Foretaksregisteret'">For Norwegian suppliers, most invoice issuers are required to append "Foretaksregisteret" to their invoice.</assert>
      <assert id="NO-R-001" flag="fatal" test="not(cac:PartyTaxScheme[normalize-space(cac:TaxScheme/cbc:ID) = 'VAT']/substring(cbc:CompanyID, 1, 2) = 'NO') or (matches(cac:PartyTaxScheme[normalize-space(cac:TaxScheme/cbc:ID) = 'VAT']/substring(cbc:CompanyID, 3), '^[0-9]{9}MVA$') and ${MOD11("substring(cac:PartyTaxScheme[normalize-space(cac:TaxScheme/cbc:ID) = 'VAT']/cbc:CompanyID, 3, 9)")})">For Norwegian suppliers, a VAT number MUST be the country code prefix NO followed by a valid Norwegian organization number (nine numbers) followed by the letters MVA.</assert>
    </rule>
  </pattern>`;

/**
 * The CEN rules of `CORE_RULE_IDS` (their text as in the CEN Schematron, every other assert taken
 * out) and the PEPPOL and Norwegian rules above, as one Schematron.
 */
export function coreRules(): RuleSet {
  // node-schematron visits every rule's context whether or not it has asserts left, so the rules left
  // empty go too (from 8 s to about 1 s a file on a busy machine). That can only make a kept rule
  // apply to more nodes (an earlier rule of its pattern no longer takes them first), never to fewer.
  const cen = cenText()
    .replace(/<assert id="([^"]*)"[\s\S]*?<\/assert>/g, (whole, id: string) => (CORE_RULE_IDS.test(id) ? whole : ''))
    .replace(/<rule\b[^>]*>[\s\S]*?<\/rule>/g, (rule) => (rule.includes('<assert') ? rule : ''));
  // A function, not a replacement string: the rules hold `$'`, which a replacement string would expand.
  return ruleSet(cen.replace(/<\/schema>\s*$/, () => `${PEPPOL_NO_RULES}\n</schema>\n`));
}

/** A Schematron with the flag (fatal or warning) of each assert, which node-schematron's results lack. */
export interface RuleSet {
  schema: Schema;
  flags: ReadonlyMap<string, string>;
  ids: readonly string[];
}

function ruleSet(text: string): RuleSet {
  const flags = new Map<string, string>();
  for (const m of text.matchAll(/<assert id="([^"]+)" flag="([^"]+)"/g)) flags.set(m[1]!, m[2]!);
  return { schema: Schema.fromString(text), flags, ids: [...flags.keys()] };
}

/** The failed asserts of a document (reports are not rules), with their flags. */
export function failedRules(rules: RuleSet, xml: string): { id: string; flag: string }[] {
  return rules.schema
    .validateString(xml)
    .filter((r) => !r.isReport)
    .map((r) => ({ id: r.assertId ?? '', flag: rules.flags.get(r.assertId ?? '') ?? 'fatal' }));
}

/** The ids of the fatal ones only (a warning such as NO-R-002 does not reject a document). */
export function fatalRules(rules: RuleSet, xml: string): string[] {
  return failedRules(rules, xml)
    .filter((r) => r.flag !== 'warning')
    .map((r) => r.id);
}
