import type { Metadata } from 'next';
import { PageHeader } from '@/app/_components/page-header';
import { getDb } from '@/db/client';
import { t } from '@/lib/i18n';
import { getSellerProfile } from '@/lib/seller/service';

export const metadata: Metadata = { title: t.checkout.cgvTitle };

export default async function CgvPage() {
  const seller = await getSellerProfile(await getDb());
  const who = seller ? `${seller.legalName} ${seller.legalForm}, ${seller.addressLine1}, ${seller.postalCode} ${seller.city} (${seller.rcs}, TVA ${seller.vatNumber})` : '';
  return (
    <article className="prose max-w-3xl text-sm leading-relaxed">
      <PageHeader title={t.checkout.cgvTitle} />
      <h2 className="mt-4 font-semibold">1. Vendeur</h2>
      <p>Les présentes conditions régissent les ventes conclues sur ce site par {who} avec des consommateurs.</p>
      <h2 className="mt-4 font-semibold">2. Prix</h2>
      <p>Les prix sont indiqués en euros toutes taxes comprises (TTC), TVA française incluse au taux applicable à chaque produit. Les frais de livraison sont indiqués avant la validation de la commande.</p>
      <h2 className="mt-4 font-semibold">3. Commande et paiement</h2>
      <p>La commande est conclue lorsque le client clique sur « Commander avec obligation de paiement » après avoir accepté les présentes conditions. Le paiement se fait par carte bancaire, débitée à la commande, ou par virement bancaire ; dans ce cas la commande est préparée à réception du virement.</p>
      <h2 className="mt-4 font-semibold">4. Livraison</h2>
      <p>Les produits sont livrés en France métropolitaine à l’adresse indiquée lors de la commande, dans les délais annoncés pour le mode de livraison choisi.</p>
      <h2 className="mt-4 font-semibold">5. Droit de rétractation</h2>
      <p>{t.checkout.withdrawal} Les frais de retour sont à la charge du client. Le remboursement intervient au plus tard 14 jours après la réception de la décision de rétractation, par le moyen de paiement utilisé lors de la commande.</p>
      <h2 className="mt-4 font-semibold">6. Garanties</h2>
      <p>Les produits bénéficient de la garantie légale de conformité (articles L217-3 et suivants du Code de la consommation) et de la garantie contre les vices cachés (articles 1641 et suivants du Code civil).</p>
      <h2 className="mt-4 font-semibold">7. Médiation</h2>
      <p>En cas de litige, le client peut recourir gratuitement à un médiateur de la consommation.</p>
    </article>
  );
}
