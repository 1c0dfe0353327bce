import type { QuoteStep } from '@/lib/crm/quote-steps';

/** What the timeline says of each step of a request or quote (the version, and the validity when sent). */
const steps: Record<QuoteStep, (version: number | null, until: string | null) => string> = {
  request_submitted: () => 'demande envoyée',
  request_in_progress: () => 'chiffrage commencé',
  request_quoted: () => 'devis envoyé au client',
  request_cancelled: () => 'demande annulée par le client',
  request_declined: () => 'demande déclinée',
  quote_created: () => 'devis créé',
  quote_reopened: (version: number | null) => (version ? `version ${version} en préparation` : 'nouvelle version en préparation'),
  quote_sent: (version: number | null, until: string | null) =>
    `${version ? `version ${version}` : 'version'} envoyée${until ? `, valable jusqu’au ${until}` : ''}`,
  quote_changes_requested: (version: number | null) => (version ? `modifications demandées sur la version ${version}` : 'modifications demandées'),
  quote_accepted: (version: number | null) => (version ? `version ${version} acceptée` : 'devis accepté'),
  quote_declined: () => 'devis refusé',
  quote_expired: () => 'devis expiré',
  quote_withdrawn: () => 'devis retiré',
  comment: () => 'commentaire',
};

/** How the note of a step is introduced (steps whose note is shown: lib/crm/quote-steps `showsNote`). */
const noteLabel: Partial<Record<QuoteStep, string>> = {
  comment: 'Commentaire',
  quote_changes_requested: 'Demande',
  quote_declined: 'Motif',
  quote_withdrawn: 'Motif',
  request_declined: 'Motif',
};

/** French messages of the CRM's links to requests and quotes: timeline, to-do view, opportunity page. */
export const frCrmQuotes = {
  request: (number: string) => `Demande ${number}`,
  quote: (number: string) => `Devis ${number}`,
  // Timeline
  steps,
  noteLabel,
  order: (number: string) => `commande ${number}`,
  by: (name: string | null, staff: boolean) => (staff ? `par ${name ?? 'notre équipe'}` : `par ${name ?? 'le client'} (client)`),
  // To-do view
  expiringTitle: 'Devis qui expirent dans les 7 jours',
  expiringIntro: 'Devis envoyés, valables jusqu’à aujourd’hui ou dans les 7 prochains jours.',
  noExpiring: 'Aucun devis envoyé n’expire dans les 7 jours.',
  validUntil: 'Valable jusqu’au',
  version: (n: number) => `version ${n}`,
  // Opportunity page
  linkedTitle: 'Demande et devis',
  linkedEmpty: 'Aucune demande ni aucun devis lié à cette opportunité.',
  linkedRequests: 'Demande de devis',
  linkedQuotes: 'Devis',
  noQuotes: 'Aucun devis pour l’instant.',
  resultingOrder: 'Commande obtenue',
  colNumber: 'Numéro',
  colStatus: 'Statut',
  colVersion: 'Version envoyée',
  colAmount: 'Montant HT',
  colValidUntil: 'Valable jusqu’au',
  notSent: 'Non envoyé',
};
