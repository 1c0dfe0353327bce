/**
 * Demo companies and people. SIREN/SIRET pass the Luhn check and the French VAT keys are
 * (12 + 3 × (SIREN mod 97)) mod 97; the Belgian number's last two digits are 97 − (first 8 mod 97).
 */
export const DEMO_PASSWORD = 'comptoir-demo';

export const demoSeller = {
  legalName: 'Comptoir Dumas Négoce',
  legalForm: 'SAS',
  shareCapital: '150 000 €',
  siren: '812345676',
  siret: '81234567600017',
  vatNumber: 'FR19812345676',
  rcs: 'RCS Lyon 812 345 676',
  addressLine1: '14 rue des Entrepôts',
  postalCode: '69007',
  city: 'Lyon',
  country: 'FR',
  email: 'contact@comptoir.test',
  phone: '+33 4 72 00 00 00',
  iban: 'FR76 3000 4000 0100 0012 3456 789',
  bic: 'BNPAFRPPXXX',
};

export interface DemoPerson {
  firstName: string;
  lastName: string;
  email: string;
  phone?: string;
  title: string;
  department?: string;
  portalRole?: 'requester' | 'purchaser' | 'company_admin';
  login?: boolean;
}

export interface DemoCompany {
  legalName: string;
  siren?: string;
  siret?: string;
  vatNumber?: string;
  country: string;
  status: 'prospect' | 'active' | 'suspended';
  paymentTermDays: number;
  paymentEndOfMonth: boolean;
  creditLimitCents: number | null;
  fiscalYearEndMonth: number;
  address: { line1: string; postalCode: string; city: string; country: string };
  delivery?: { label: string; line1: string; postalCode: string; city: string; country: string };
  people: DemoPerson[];
}

export const demoCompanies: DemoCompany[] = [
  {
    legalName: 'Atelier Lumière SAS',
    siren: '529876542',
    siret: '52987654200018',
    vatNumber: 'FR40529876542',
    country: 'FR',
    status: 'active',
    paymentTermDays: 30,
    paymentEndOfMonth: true,
    creditLimitCents: 5_000_000,
    fiscalYearEndMonth: 12,
    address: { line1: '8 quai Saint-Vincent', postalCode: '69001', city: 'Lyon', country: 'FR' },
    delivery: { label: 'Atelier de Villeurbanne', line1: '112 cours Émile-Zola', postalCode: '69100', city: 'Villeurbanne', country: 'FR' },
    people: [
      { firstName: 'Julie', lastName: 'Martin', email: 'demandeur@atelier-lumiere.test', title: 'Assistante de production', department: 'Production', portalRole: 'requester', login: true },
      { firstName: 'Karim', lastName: 'Benali', email: 'acheteur@atelier-lumiere.test', title: 'Responsable achats', department: 'Achats', portalRole: 'purchaser', login: true },
      { firstName: 'Sophie', lastName: 'Lefèvre', email: 'admin@atelier-lumiere.test', title: 'Directrice administrative et financière', department: 'Direction', portalRole: 'company_admin', login: true },
      { firstName: 'Thomas', lastName: 'Roux', email: 'thomas.roux@atelier-lumiere.test', title: 'Chef d’atelier', department: 'Production' },
    ],
  },
  {
    legalName: 'Cabinet Verdier Architectes SARL',
    siren: '412356784',
    siret: '41235678400014',
    vatNumber: 'FR70412356784',
    country: 'FR',
    status: 'active',
    paymentTermDays: 45,
    paymentEndOfMonth: false,
    creditLimitCents: 1_500_000,
    fiscalYearEndMonth: 6,
    address: { line1: '27 rue Sainte-Catherine', postalCode: '33000', city: 'Bordeaux', country: 'FR' },
    people: [
      { firstName: 'Claire', lastName: 'Verdier', email: 'admin@verdier-architectes.test', title: 'Gérante', portalRole: 'company_admin', login: true },
      { firstName: 'Hugo', lastName: 'Lambert', email: 'demandeur@verdier-architectes.test', title: 'Architecte', portalRole: 'requester', login: true },
    ],
  },
  {
    legalName: 'Transports Morel SA',
    siren: '798456125',
    siret: '79845612500011',
    vatNumber: 'FR44798456125',
    country: 'FR',
    status: 'active',
    paymentTermDays: 30,
    paymentEndOfMonth: false,
    creditLimitCents: 3_000_000,
    fiscalYearEndMonth: 3,
    address: { line1: 'ZI des Vignes, 3 rue Gutenberg', postalCode: '59000', city: 'Lille', country: 'FR' },
    people: [
      { firstName: 'Nathalie', lastName: 'Morel', email: 'acheteur@transports-morel.test', title: 'Acheteuse', department: 'Achats', portalRole: 'purchaser', login: true },
      { firstName: 'Bruno', lastName: 'Faure', email: 'demandeur@transports-morel.test', title: 'Responsable d’exploitation', department: 'Exploitation', portalRole: 'requester', login: true },
    ],
  },
  {
    legalName: 'Brasserie Dupont-Lemaire SRL',
    vatNumber: 'BE0456789133',
    country: 'BE',
    status: 'active',
    paymentTermDays: 30,
    paymentEndOfMonth: false,
    creditLimitCents: 1_000_000,
    fiscalYearEndMonth: 12,
    address: { line1: 'Rue de la Station 42', postalCode: '7500', city: 'Tournai', country: 'BE' },
    people: [
      { firstName: 'Luc', lastName: 'Dupont', email: 'acheteur@brasserie-dupont.test', title: 'Gérant', portalRole: 'company_admin', login: true },
    ],
  },
  {
    legalName: 'Horlogerie Favre SA',
    vatNumber: 'CHE-116.281.710 TVA',
    country: 'CH',
    status: 'active',
    paymentTermDays: 30,
    paymentEndOfMonth: false,
    creditLimitCents: 1_000_000,
    fiscalYearEndMonth: 12,
    address: { line1: 'Rue du Rhône 65', postalCode: '1204', city: 'Genève', country: 'CH' },
    people: [
      { firstName: 'Anne', lastName: 'Favre', email: 'acheteur@horlogerie-favre.test', title: 'Responsable des achats', portalRole: 'purchaser', login: true },
    ],
  },
  {
    legalName: 'Clinique Saint-Roch',
    siren: '384123451',
    siret: '38412345100013',
    vatNumber: 'FR83384123451',
    country: 'FR',
    status: 'prospect',
    paymentTermDays: 60,
    paymentEndOfMonth: false,
    creditLimitCents: null,
    fiscalYearEndMonth: 12,
    address: { line1: '5 avenue Jean-Jaurès', postalCode: '34000', city: 'Montpellier', country: 'FR' },
    people: [{ firstName: 'Élodie', lastName: 'Garnier', email: 'e.garnier@clinique-saint-roch.test', title: 'Cadre de santé' }],
  },
];

export const demoStaff = [
  { firstName: 'Camille', lastName: 'Dumas', email: 'admin@comptoir.test', role: 'admin' as const, title: 'Administratrice' },
  { firstName: 'Antoine', lastName: 'Girard', email: 'commercial@comptoir.test', role: 'sales' as const, title: 'Commercial grands comptes' },
];

export const demoCustomer = {
  firstName: 'Léa',
  lastName: 'Moreau',
  email: 'client@particulier.test',
  address: { line1: '3 rue des Lilas', postalCode: '75011', city: 'Paris', country: 'FR' },
};
