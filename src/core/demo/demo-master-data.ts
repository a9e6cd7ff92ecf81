/**
 * The company and its registers: customers, projects and co-workers, plus the demo-only
 * facts the later generators share (co-workers' hourly rates and project staffing).
 */
import type { Company, Customer, Minor, Project, User } from '../domain/types.ts';
import { fillDigits, slugify } from './demo-text.ts';
import { germanVatId, uniqueOrgNumber } from './demo-identifiers.ts';
import type { DemoProfile } from './profiles/profile-types.ts';
import type { Random } from './random.ts';

export const DEMO_COUNTS = {
  customers: 30,
  /** Customer projects; one more (non-billable) customer project and the internal ones come on top. */
  billableProjects: 11,
  users: 12,
  externalUsers: 2,
} as const;

export const FIRST_CUSTOMER_NUMBER = 20001;
export const FIRST_PROJECT_NUMBER = 3001;
export const FIRST_EMPLOYEE_NUMBER = 1001;
const PEPPOL_SHARE = 0.6;
const POST_BOX_SHARE = 0.15;

export interface Staffing {
  user: User;
  hourlyRate: Minor;
  /** Projects the co-worker records time on; customer projects first. */
  projects: Project[];
}

export interface DemoMasterData {
  company: Company;
  customers: Customer[];
  projects: Project[];
  users: User[];
  staffing: Staffing[];
  foreignCustomerNumber: string;
}

function makeCompany(profile: DemoProfile, random: Random, takenOrgNumbers: Set<string>): Company {
  const c = profile.company;
  return {
    name: c.name,
    orgNumber: uniqueOrgNumber(random, profile.orgNumberScheme, profile.orgNumberPrefixes, takenOrgNumbers),
    addressLine1: c.addressLine1,
    addressLine2: '',
    postalCode: c.postalCode,
    city: c.city,
    countryCode: profile.country,
    phone: fillDigits(random, random.pick(profile.phonePatterns)),
    email: `post@${c.emailDomain}`,
    currency: profile.currency,
    fiscalYearStart: c.fiscalYearStart,
    contactPerson: c.contactPerson,
  };
}

function domesticCustomerNames(profile: DemoProfile, random: Random, count: number): string[] {
  const { first, second, legalForm } = profile.customerNames;
  const names = new Set<string>();
  while (names.size < count) names.add(`${random.pick(first)} ${random.pick(second)} ${legalForm}`);
  return [...names];
}

function nameWithoutLegalForm(name: string, legalForm: string): string {
  return name.endsWith(` ${legalForm}`) ? name.slice(0, -legalForm.length - 1) : name;
}

function makeDomesticCustomer(
  profile: DemoProfile,
  random: Random,
  name: string,
  number: string,
  takenOrgNumbers: Set<string>,
): Customer {
  const orgNumber = uniqueOrgNumber(random, profile.orgNumberScheme, profile.orgNumberPrefixes, takenOrgNumbers);
  const place = random.pick(profile.postalPlaces);
  const domain = `${slugify(nameWithoutLegalForm(name, profile.customerNames.legalForm))}.${profile.topLevelDomain}`;
  return {
    number,
    name,
    orgNumber,
    email: `${random.pick(profile.customerEmailLocalParts)}@${domain}`,
    phone: fillDigits(random, random.pick(profile.phonePatterns)),
    addressLine1: `${random.pick(profile.streets)} ${random.int(1, 120)}`,
    addressLine2: random.chance(POST_BOX_SHARE) ? `${profile.postBoxLabel} ${random.int(100, 9999)}` : '',
    postalCode: place.postalCode,
    city: place.city,
    countryCode: profile.country,
    currency: profile.currency,
    paymentTermsDays: random.pick(profile.paymentTermsDays),
    peppolId: random.chance(PEPPOL_SHARE) ? `${profile.peppolScheme}:${orgNumber}` : '',
    ledgerAccount: '',
  };
}

function makeForeignCustomer(profile: DemoProfile, random: Random, number: string): Customer {
  const f = profile.foreignCustomer;
  return {
    number,
    name: f.name,
    orgNumber: germanVatId(random),
    email: f.email,
    phone: f.phone,
    addressLine1: f.addressLine1,
    addressLine2: '',
    postalCode: f.postalCode,
    city: f.city,
    countryCode: f.countryCode,
    currency: f.currency,
    paymentTermsDays: 30,
    peppolId: '',
    // Set explicitly so the demo exercises both an empty (default) and a given ledger account.
    ledgerAccount: profile.receivablesAccount,
  };
}

function makeCustomers(
  profile: DemoProfile,
  random: Random,
  takenOrgNumbers: Set<string>,
): { customers: Customer[]; foreignNumber: string } {
  const domesticCount = DEMO_COUNTS.customers - 1;
  const generated = domesticCustomerNames(profile, random, domesticCount - profile.awkwardCustomerNames.length);
  const order = random.shuffle([...generated, ...profile.awkwardCustomerNames, null]);
  let foreignNumber = '';
  const customers = order.map((name, index) => {
    const number = String(FIRST_CUSTOMER_NUMBER + index);
    if (name === null) {
      foreignNumber = number;
      return makeForeignCustomer(profile, random, number);
    }
    return makeDomesticCustomer(profile, random, name, number, takenOrgNumbers);
  });
  return { customers, foreignNumber };
}

function makeProjects(
  profile: DemoProfile,
  random: Random,
  customers: readonly Customer[],
  foreignNumber: string,
): Project[] {
  const consultingDepartments = profile.departments.filter((d) => d.number !== profile.internalDepartmentNumber);
  const domestic = customers.filter((c) => c.number !== foreignNumber);
  const projectCustomers = random.shuffle(domestic).slice(0, DEMO_COUNTS.billableProjects);
  const names = random.shuffle(profile.billableProjectNames).slice(0, DEMO_COUNTS.billableProjects);
  const customerProjects = names.map((name, i) => ({
    name,
    customerNumber: (projectCustomers[i] as Customer).number,
    departmentNumber: random.pick(consultingDepartments).number,
    billable: true,
  }));
  customerProjects.push({
    name: profile.nonBillableCustomerProjectName,
    customerNumber: random.pick(projectCustomers).number,
    departmentNumber: random.pick(consultingDepartments).number,
    billable: false,
  });
  const internal = profile.internalProjectNames.map((name) => ({
    name,
    customerNumber: '',
    departmentNumber: profile.internalDepartmentNumber,
    billable: false,
  }));
  return [...customerProjects, ...internal].map((p, i) => ({ number: String(FIRST_PROJECT_NUMBER + i), ...p }));
}

function makeUsers(profile: DemoProfile, random: Random, companyEmailDomain: string): User[] {
  const consultingDepartments = profile.departments.filter((d) => d.number !== profile.internalDepartmentNumber);
  const names = new Set<string>();
  const parts: [string, string][] = [];
  while (parts.length < DEMO_COUNTS.users) {
    const first = random.pick(profile.firstNames);
    const last = random.pick(profile.lastNames);
    if (names.has(first) || names.has(last)) continue;
    names.add(first).add(last);
    parts.push([first, last]);
  }
  // The first co-worker runs the office; the externals are two of the others.
  const externalIndexes = new Set(random.shuffle(parts.map((_, i) => i).slice(1)).slice(0, DEMO_COUNTS.externalUsers));
  let externalDomain = 0;
  return parts.map(([first, last], i) => {
    const external = externalIndexes.has(i);
    const email = external
      ? `${slugify(first, '.')}@${profile.externalEmailDomains[externalDomain++ % profile.externalEmailDomains.length]}`
      : `${slugify(first, '.')}.${slugify(last, '.')}@${companyEmailDomain}`;
    return {
      employeeNumber: String(FIRST_EMPLOYEE_NUMBER + i),
      name: `${first} ${last}`,
      email,
      departmentNumber: i === 0 ? profile.internalDepartmentNumber : random.pick(consultingDepartments).number,
      external,
    };
  });
}

function makeStaffing(
  profile: DemoProfile,
  random: Random,
  users: readonly User[],
  projects: readonly Project[],
): Staffing[] {
  const customerProjects = projects.filter((p) => p.customerNumber !== '');
  const internalProjects = projects.filter((p) => p.customerNumber === '');
  const staffing = users.map((user, i): Staffing => {
    const hourlyRate = random.step(profile.hourlyRate.min, profile.hourlyRate.max, profile.hourlyRate.step);
    const officeManager = i === 0;
    const own = random.shuffle(customerProjects).slice(0, officeManager ? 1 : random.int(2, 4));
    const internal = user.external
      ? []
      : officeManager
        ? internalProjects
        : random.shuffle(internalProjects).slice(0, random.int(1, 2));
    return { user, hourlyRate, projects: [...own, ...internal] };
  });
  // Every customer project gets at least one consultant.
  const consultants = staffing.slice(1);
  for (const project of customerProjects) {
    if (!staffing.some((s) => s.projects.includes(project))) random.pick(consultants).projects.unshift(project);
  }
  return staffing;
}

export function generateMasterData(profile: DemoProfile, random: Random): DemoMasterData {
  const takenOrgNumbers = new Set<string>();
  const company = makeCompany(profile, random, takenOrgNumbers);
  const { customers, foreignNumber } = makeCustomers(profile, random, takenOrgNumbers);
  const projects = makeProjects(profile, random, customers, foreignNumber);
  const users = makeUsers(profile, random, profile.company.emailDomain);
  const staffing = makeStaffing(profile, random, users, projects);
  return { company, customers, projects, users, staffing, foreignCustomerNumber: foreignNumber };
}
