/** Thirty sneakers from well-known brands: the seed lists them across two stores. */
export interface DemoSneaker {
  brand: string;
  modelName: string;
  colorway: string;
  price: number;
  releaseDate: string;
}

export const DEMO_SNEAKERS: DemoSneaker[] = [
  {
    brand: 'Nike',
    modelName: 'Air Jordan 1 Retro High OG',
    colorway: 'Chicago',
    price: 239_000,
    releaseDate: '2025-11-15',
  },
  { brand: 'Nike', modelName: 'Dunk Low', colorway: 'Panda', price: 129_000, releaseDate: '2024-03-10' },
  { brand: 'Nike', modelName: 'Air Force 1 ’07', colorway: 'Triple White', price: 139_000, releaseDate: '2023-01-05' },
  { brand: 'Nike', modelName: 'Air Max 1', colorway: 'University Red', price: 179_000, releaseDate: '2025-03-26' },
  { brand: 'Nike', modelName: 'Vomero 5', colorway: 'Photon Dust', price: 199_000, releaseDate: '2025-06-01' },
  { brand: 'Nike', modelName: 'Air Max 95', colorway: 'Neon', price: 229_000, releaseDate: '2025-09-20' },
  {
    brand: 'Adidas',
    modelName: 'Samba OG',
    colorway: 'Cloud White / Core Black',
    price: 139_000,
    releaseDate: '2024-02-01',
  },
  { brand: 'Adidas', modelName: 'Gazelle Indoor', colorway: 'Blue Fusion', price: 149_000, releaseDate: '2024-08-15' },
  { brand: 'Adidas', modelName: 'Superstar', colorway: 'White / Black', price: 119_000, releaseDate: '2023-05-05' },
  { brand: 'Adidas', modelName: 'Ultraboost 1.0', colorway: 'Core Black', price: 229_000, releaseDate: '2025-01-20' },
  { brand: 'Adidas', modelName: 'Handball Spezial', colorway: 'Navy / Gum', price: 139_000, releaseDate: '2024-10-10' },
  { brand: 'New Balance', modelName: '990v6', colorway: 'Grey', price: 259_000, releaseDate: '2023-04-20' },
  {
    brand: 'New Balance',
    modelName: '2002R',
    colorway: 'Protection Pack Rain Cloud',
    price: 199_000,
    releaseDate: '2025-05-12',
  },
  { brand: 'New Balance', modelName: '530', colorway: 'White / Silver', price: 119_000, releaseDate: '2024-06-30' },
  { brand: 'New Balance', modelName: '1906R', colorway: 'Silver Metallic', price: 189_000, releaseDate: '2025-02-14' },
  { brand: 'New Balance', modelName: '550', colorway: 'White / Green', price: 139_000, releaseDate: '2023-09-09' },
  {
    brand: 'Asics',
    modelName: 'Gel-Kayano 14',
    colorway: 'Cream / Pure Silver',
    price: 189_000,
    releaseDate: '2025-04-04',
  },
  { brand: 'Asics', modelName: 'Gel-1130', colorway: 'White / Clay Canyon', price: 139_000, releaseDate: '2024-11-11' },
  { brand: 'Asics', modelName: 'GT-2160', colorway: 'Oyster Grey', price: 169_000, releaseDate: '2025-07-07' },
  { brand: 'Salomon', modelName: 'XT-6', colorway: 'Black / Phantom', price: 249_000, releaseDate: '2024-09-01' },
  { brand: 'Salomon', modelName: 'ACS Pro', colorway: 'Vanilla Ice', price: 229_000, releaseDate: '2025-08-18' },
  { brand: 'Converse', modelName: 'Chuck 70 Hi', colorway: 'Black', price: 99_000, releaseDate: '2023-02-02' },
  { brand: 'Converse', modelName: 'Run Star Hike', colorway: 'White', price: 129_000, releaseDate: '2024-04-24' },
  { brand: 'Vans', modelName: 'Old Skool', colorway: 'Black / White', price: 89_000, releaseDate: '2023-03-03' },
  { brand: 'Vans', modelName: 'Knu Skool', colorway: 'Black / True White', price: 109_000, releaseDate: '2025-01-10' },
  { brand: 'Puma', modelName: 'Speedcat OG', colorway: 'Red / White', price: 139_000, releaseDate: '2025-03-15' },
  { brand: 'Puma', modelName: 'Palermo', colorway: 'Vapor Grey', price: 119_000, releaseDate: '2024-07-07' },
  { brand: 'Reebok', modelName: 'Club C 85', colorway: 'Chalk / Green', price: 109_000, releaseDate: '2023-06-06' },
  { brand: 'On', modelName: 'Cloudtilt', colorway: 'Eclipse / Black', price: 219_000, releaseDate: '2025-10-01' },
  { brand: 'Hoka', modelName: 'Clifton 9', colorway: 'Black / White', price: 199_000, releaseDate: '2024-12-12' },
];

/** Korean sizes 230–290 mm; stock varies so some sizes sell out in a demo. */
export function demoSizes(index: number): Array<{ sizeMm: number; stock: number }> {
  return [230, 240, 250, 260, 270, 280, 290].map((sizeMm, i) => ({ sizeMm, stock: 3 + ((index * 7 + i * 5) % 18) }));
}
