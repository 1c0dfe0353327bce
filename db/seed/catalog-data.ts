/** Demo catalogue: prices TTC for consumers and list prices HT for businesses, set independently. */
export interface DemoCategory {
  slug: string;
  name: string;
  description: string;
}

export interface DemoProduct {
  sku: string;
  name: string;
  category: string;
  vatRateBp: number;
  ttc: number; // B2C price TTC, cents
  ht: number; // B2B list price HT, cents
  unit?: string;
  stock: number;
  featured?: boolean;
  description: string;
}

export const demoCategories: DemoCategory[] = [
  { slug: 'fournitures-de-bureau', name: 'Fournitures de bureau', description: 'Écriture, papeterie, classement.' },
  { slug: 'cafe-epicerie', name: 'Café & épicerie', description: 'Café, thé, sucre et douceurs pour la pause.' },
  { slug: 'traiteur', name: 'Traiteur', description: 'Plateaux-repas et buffets livrés (TVA restauration 10 %).' },
  { slug: 'hygiene-entretien', name: 'Hygiène & entretien', description: 'Savons, papier, produits ménagers.' },
  { slug: 'informatique', name: 'Informatique', description: 'Périphériques, câbles et accessoires.' },
  { slug: 'librairie-presse', name: 'Librairie & presse', description: 'Livres professionnels (5,5 %) et presse (2,1 %).' },
  { slug: 'sante', name: 'Santé & premiers secours', description: 'Trousses de secours et pharmacie de base.' },
  { slug: 'mobilier', name: 'Mobilier', description: 'Sièges, bureaux et rangements.' },
];

const p = (
  sku: string,
  name: string,
  category: string,
  vatRateBp: number,
  ttc: number,
  ht: number,
  stock: number,
  description: string,
  extra: Partial<DemoProduct> = {},
): DemoProduct => ({ sku, name, category, vatRateBp, ttc, ht, stock, description, ...extra });

export const demoProducts: DemoProduct[] = [
  p('BUR-STY-BLEU', 'Stylo bille bleu', 'fournitures-de-bureau', 2000, 120, 47, 2500, 'Stylo bille pointe moyenne 1 mm, encre bleue.', { featured: true }),
  p('BUR-STY-NOIR', 'Stylo bille noir', 'fournitures-de-bureau', 2000, 120, 47, 1800, 'Stylo bille pointe moyenne 1 mm, encre noire.'),
  p('BUR-STY-GEL', 'Stylo gel rétractable', 'fournitures-de-bureau', 2000, 249, 135, 900, 'Stylo gel 0,7 mm, grip confortable.'),
  p('BUR-SURL-4', 'Surligneurs, pochette de 4', 'fournitures-de-bureau', 2000, 599, 310, 400, 'Jaune, vert, rose, bleu.'),
  p('BUR-RAM-A4', 'Ramette papier A4 80 g', 'fournitures-de-bureau', 2000, 699, 389, 1200, '500 feuilles blanches, certifié PEFC.', { unit: 'ramette', featured: true }),
  p('BUR-CAH-A4', 'Cahier A4 grands carreaux', 'fournitures-de-bureau', 2000, 349, 168, 700, '96 pages, couverture polypro.'),
  p('BUR-CLA-DOS', 'Classeur à levier dos 8 cm', 'fournitures-de-bureau', 2000, 449, 229, 600, 'Carton recouvert, format A4.'),
  p('BUR-AGR-24', 'Agrafeuse de bureau 24/6', 'fournitures-de-bureau', 2000, 1490, 845, 150, 'Capacité 25 feuilles.'),
  p('BUR-TROMB', 'Trombones, boîte de 100', 'fournitures-de-bureau', 2000, 199, 79, 800, 'Trombones 28 mm nickelés.', { unit: 'boîte' }),
  p('BUR-NOTE-12', 'Notes repositionnables 76×76, lot de 12', 'fournitures-de-bureau', 2000, 1199, 620, 300, 'Blocs de 100 feuilles jaunes.', { unit: 'lot' }),
  p('BUR-ENV-C5', 'Enveloppes C5, boîte de 500', 'fournitures-de-bureau', 2000, 2990, 1650, 120, 'Enveloppes blanches autocollantes 162×229.', { unit: 'boîte' }),
  p('CAF-MOU-250', 'Café moulu pur arabica 250 g', 'cafe-epicerie', 550, 499, 385, 600, 'Torréfaction artisanale, mouture filtre.', { featured: true }),
  p('CAF-GRA-1KG', 'Café en grains 1 kg', 'cafe-epicerie', 550, 1790, 1420, 300, 'Mélange arabica-robusta pour machines automatiques.'),
  p('CAF-CAP-50', 'Capsules espresso, boîte de 50', 'cafe-epicerie', 550, 1590, 1190, 450, 'Compatibles machines à capsules courantes.', { unit: 'boîte' }),
  p('CAF-THE-VERT', 'Thé vert Sencha, 25 sachets', 'cafe-epicerie', 550, 389, 270, 250, 'Sachets individuels suremballés.', { unit: 'boîte' }),
  p('CAF-SUC-1KG', 'Sucre en morceaux 1 kg', 'cafe-epicerie', 550, 229, 155, 500, 'Sucre blanc n° 4.'),
  p('CAF-BISC-SP', 'Biscuits spéculoos, 300 sachets', 'cafe-epicerie', 550, 2490, 1890, 90, 'Emballés individuellement, pour le café.', { unit: 'carton' }),
  p('CAF-CHOC-1KG', 'Chocolat en poudre 1 kg', 'cafe-epicerie', 550, 899, 690, 140, 'Cacao 32 %, pour distributeurs.'),
  p('CAF-EAU-6', 'Eau minérale 1,5 L, pack de 6', 'cafe-epicerie', 550, 399, 245, 800, 'Eau minérale naturelle plate.', { unit: 'pack' }),
  p('CAF-JUS-1L', 'Jus d’orange pur jus 1 L', 'cafe-epicerie', 550, 299, 198, 300, 'Sans sucres ajoutés.'),
  p('TRA-PLA-CLA', 'Plateau-repas Classique', 'traiteur', 1000, 1890, 1490, 60, 'Entrée, plat, fromage, dessert ; livré frais.', { featured: true }),
  p('TRA-PLA-VEG', 'Plateau-repas Végétarien', 'traiteur', 1000, 1890, 1490, 40, 'Entrée, plat végétarien, dessert.'),
  p('TRA-SAND-JB', 'Sandwich jambon-beurre', 'traiteur', 1000, 550, 420, 80, 'Baguette tradition, jambon supérieur.'),
  p('TRA-SAL-CES', 'Salade César', 'traiteur', 1000, 890, 690, 50, 'Poulet, parmesan, croûtons, sauce César.'),
  p('TRA-APE-20', 'Coffret apéritif 20 pièces', 'traiteur', 1000, 3490, 2790, 25, 'Canapés et mini-bouchées salées.', { unit: 'coffret' }),
  p('TRA-VIE-30', 'Mignardises sucrées, 30 pièces', 'traiteur', 1000, 2990, 2390, 25, 'Assortiment de mini-pâtisseries.', { unit: 'coffret' }),
  p('HYG-SAV-5L', 'Savon liquide mains 5 L', 'hygiene-entretien', 2000, 1690, 890, 200, 'Savon doux pH neutre, bidon.', { unit: 'bidon' }),
  p('HYG-ESS-20', 'Essuie-mains pliés, carton de 20 paquets', 'hygiene-entretien', 2000, 3990, 2250, 150, 'Papier 2 plis, pliage en Z.', { unit: 'carton' }),
  p('HYG-PQ-48', 'Papier toilette, colis de 48 rouleaux', 'hygiene-entretien', 2000, 2690, 1490, 220, 'Papier 2 plis, 200 feuilles par rouleau.', { unit: 'colis' }),
  p('HYG-GEL-1L', 'Gel hydroalcoolique 1 L', 'hygiene-entretien', 2000, 990, 520, 300, 'Avec pompe doseuse, norme EN 14476.', { featured: true }),
  p('HYG-SAC-100', 'Sacs poubelle 100 L, rouleau de 25', 'hygiene-entretien', 2000, 890, 410, 400, 'Sacs renforcés 40 microns.', { unit: 'rouleau' }),
  p('HYG-VAIS-1L', 'Liquide vaisselle 1 L', 'hygiene-entretien', 2000, 349, 165, 300, 'Écolabel européen.'),
  p('HYG-DES-750', 'Spray désinfectant surfaces 750 mL', 'hygiene-entretien', 2000, 599, 295, 260, 'Bactéricide et virucide.'),
  p('HYG-LAV-GAN', 'Gants nitrile, boîte de 100', 'hygiene-entretien', 2000, 1190, 590, 180, 'Taille M, non poudrés.', { unit: 'boîte' }),
  p('INF-SOU-SF', 'Souris sans fil ergonomique', 'informatique', 2000, 2990, 1690, 120, 'Récepteur USB, 3 boutons, silencieuse.', { featured: true }),
  p('INF-CLA-AZ', 'Clavier AZERTY filaire', 'informatique', 2000, 2490, 1390, 90, 'Touches silencieuses, pavé numérique.'),
  p('INF-ECR-24', 'Écran 24 pouces Full HD', 'informatique', 2000, 14990, 10490, 30, 'Dalle IPS, HDMI et DisplayPort, pied réglable.'),
  p('INF-HDMI-2M', 'Câble HDMI 2 m', 'informatique', 2000, 999, 390, 300, 'HDMI 2.0, 4K 60 Hz.'),
  p('INF-USB-64', 'Clé USB 64 Go', 'informatique', 2000, 1290, 640, 250, 'USB 3.2, boîtier métal.'),
  p('INF-CAS-BT', 'Casque micro Bluetooth', 'informatique', 2000, 5990, 3990, 60, 'Réduction de bruit, autonomie 30 h.'),
  p('INF-HUB-USBC', 'Hub USB-C 7 ports', 'informatique', 2000, 3990, 2190, 70, 'HDMI, USB-A, lecteur SD, charge 100 W.'),
  p('INF-WEB-HD', 'Webcam HD 1080p', 'informatique', 2000, 4990, 2890, 50, 'Micro intégré, clip universel.'),
  p('LIB-GUI-TVA', 'Guide pratique de la TVA 2026', 'librairie-presse', 550, 4900, 4645, 40, 'Édition à jour de la facturation électronique.', { unit: 'livre' }),
  p('LIB-DIC-FR', 'Dictionnaire de français, édition 2026', 'librairie-presse', 550, 3290, 3118, 35, 'Plus de 60 000 mots.', { unit: 'livre' }),
  p('LIB-MAN-ACH', 'Manuel de l’acheteur industriel', 'librairie-presse', 550, 3800, 3602, 20, 'Méthodes d’achat et de négociation.', { unit: 'livre' }),
  p('LIB-COD-COM', 'Code de commerce 2026', 'librairie-presse', 550, 7900, 7488, 15, 'Texte intégral annoté.', { unit: 'livre' }),
  p('LIB-QUO-ECO', 'Quotidien économique (numéro)', 'librairie-presse', 210, 290, 284, 500, 'Presse d’information politique et générale.', { unit: 'numéro' }),
  p('LIB-HEB-LOG', 'Hebdomadaire logistique (numéro)', 'librairie-presse', 210, 650, 637, 200, 'Actualité du transport et de la logistique.', { unit: 'numéro' }),
  p('LIB-MAG-BUR', 'Magazine Bureau & Travail (numéro)', 'librairie-presse', 210, 590, 578, 150, 'Aménagement des espaces de travail.', { unit: 'numéro' }),
  p('SAN-TRO-10', 'Trousse de secours 10 personnes', 'sante', 2000, 3990, 2290, 80, 'Conforme aux recommandations INRS.', { featured: true }),
  p('SAN-PAN-100', 'Pansements assortis, boîte de 100', 'sante', 2000, 599, 310, 200, 'Tailles assorties, hypoallergéniques.', { unit: 'boîte' }),
  p('SAN-PARA-500', 'Paracétamol 500 mg, 16 comprimés', 'sante', 210, 218, 213, 300, 'Médicament remboursable (TVA 2,1 %). Lire la notice.', { unit: 'boîte' }),
  p('SAN-SER-NACL', 'Sérum physiologique, 40 unidoses', 'sante', 2000, 399, 205, 160, 'Unidoses de 5 mL.', { unit: 'boîte' }),
  p('SAN-MAS-50', 'Masques chirurgicaux, boîte de 50', 'sante', 550, 690, 520, 400, 'Type IIR (TVA 5,5 %).', { unit: 'boîte' }),
  p('MOB-FAU-ERG', 'Fauteuil de bureau ergonomique', 'mobilier', 2000, 34900, 22900, 25, 'Soutien lombaire, accoudoirs 3D, assise coulissante.', { featured: true }),
  p('MOB-BUR-160', 'Bureau droit 160 × 80 cm', 'mobilier', 2000, 29900, 18900, 20, 'Plateau chêne clair, piètement métal.'),
  p('MOB-CAI-3T', 'Caisson mobile 3 tiroirs', 'mobilier', 2000, 17900, 10900, 30, 'Fermeture à clé, roulettes.'),
  p('MOB-LAM-LED', 'Lampe de bureau LED', 'mobilier', 2000, 4990, 2790, 60, 'Température de couleur réglable.'),
  p('MOB-REP-PIE', 'Repose-pieds réglable', 'mobilier', 2000, 3490, 1890, 45, 'Inclinaison réglable, surface antidérapante.'),
  p('MOB-ARM-HT', 'Armoire haute à portes battantes', 'mobilier', 2000, 44900, 29900, 8, '198 × 100 cm, 4 tablettes.'),
];
