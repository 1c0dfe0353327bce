/** Shop catalogue, product pages and search (owned by the catalogue pages). */

const plural = (n: number, one: string, many: string) => (n > 1 ? many : one);
const count = new Intl.NumberFormat('fr-FR');

export const frCatalog = {
  home: 'Accueil',
  breadcrumbs: 'Fil d’Ariane',
  productCount: (n: number) => `${count.format(n)} ${plural(n, 'produit', 'produits')}`,
  pageOf: (page: number, pageCount: number) => `page ${page} sur ${pageCount}`,
  allCategories: 'Tous les rayons',
  seeCategory: (name: string) => `Voir le rayon ${name}`,

  sortLabel: 'Trier par',
  sorts: {
    name: 'Nom',
    price_asc: 'Prix croissant',
    price_desc: 'Prix décroissant',
    newest: 'Nouveautés',
  },
  emptyCategory: 'Aucun produit dans ce rayon pour le moment.',
  emptyCategoryHint: 'Revenez bientôt, ou parcourez les autres rayons :',

  header: {
    searchLandmark: 'Recherche dans le catalogue',
    searchLabel: 'Rechercher un produit',
    searchPlaceholder: 'Café, stylo, ramette…',
    searchSubmit: 'Rechercher',
    cart: 'Panier',
    cartCount: (n: number) => `${count.format(n)} ${plural(n, 'article', 'articles')}`,
  },

  search: {
    title: 'Recherche',
    titleFor: (q: string) => `Résultats pour «\u00a0${q}\u00a0»`,
    metaTitleFor: (q: string) => `Recherche «\u00a0${q}\u00a0»`,
    resultCount: (n: number) => `${count.format(n)} ${plural(n, 'résultat', 'résultats')}`,
    similarNotice: (q: string) => `Aucun produit ne contient exactement «\u00a0${q}\u00a0». Voici les plus proches :`,
    prompt: 'Que cherchez-vous ?',
    promptHint: 'Saisissez un nom de produit, une marque ou une référence dans la barre de recherche, ou parcourez nos rayons :',
    noResults: (q: string) => `Aucun produit ne correspond à «\u00a0${q}\u00a0».`,
    suggestionsTitle: 'Quelques pistes :',
    suggestions: [
      'vérifiez l’orthographe des mots ;',
      'essayez un mot plus général («\u00a0café\u00a0» plutôt que «\u00a0arabica moulu\u00a0») ou moins de mots ;',
      'cherchez une référence (par exemple «\u00a0CAF-MOU-250\u00a0») ;',
      'ou parcourez nos rayons :',
    ],
  },

  product: {
    reference: 'Référence',
    unit: 'Unité de vente',
    availability: 'Disponibilité',
    description: 'Description',
    details: 'Caractéristiques',
    vatIncluded: (rate: string) => `dont TVA ${rate}`,
    perUnit: (unit: string) => `prix par ${unit}`,
    buyBox: 'Prix et commande',
    inStock: 'En stock',
    lowStock: (n: number) => `Plus que ${count.format(n)} en stock`,
    outOfStock: 'Rupture de stock',
    outOfStockHint: 'Ce produit est momentanément indisponible.',
    quantity: 'Quantité',
    addToCart: 'Ajouter au panier',
    adding: 'Ajout…',
    viewCart: 'Voir le panier',
    maxQuantity: (n: number) => `Au plus ${count.format(n)}.`,
  },

  notFound: {
    productTitle: 'Produit introuvable',
    productText: 'Ce produit n’existe pas ou n’est plus vendu.',
    categoryTitle: 'Rayon introuvable',
    categoryText: 'Ce rayon n’existe pas ou a été renommé.',
    searchInstead: 'Essayez une recherche, ou revenez à l’accueil.',
  },
};
