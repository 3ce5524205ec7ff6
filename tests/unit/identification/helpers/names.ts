// Name pools with the awkward cases real French classes have: accents, apostrophes,
// hyphens, particles, compound first names.
export const LAST_NAMES = [
  'Dupont', 'Lefèvre', "O'Brien", "N'Diaye", 'de la Fontaine', 'Le Goff', 'Nguyen', 'Bérenger', 'Muller', 'Rousseau',
  'Garnier', 'Benali', 'Kowalski', 'Da Silva', 'Morel', 'Fournier', 'Girard', 'Bonnet', 'Chevalier', 'Lambert',
  'Faure', 'Rolland', 'Perrin', 'Mercier', 'Blanchard', 'Guérin', 'Boyer', 'Lemaire', 'Barbier', 'Brunet',
  'Haddad', 'Traoré', 'Diallo', 'Schmitt', 'Lopez', 'Marchand', 'Dumas', 'Colin', 'Vidal', 'Caron',
  'MacDonald', 'Saint-Martin', 'Van der Berg', "d'Artagnan", 'Ménard', 'Lévêque', 'Clément', 'Joly', 'Huet', 'Hoarau',
] as const

export const FIRST_NAMES = [
  'Léa', 'Chloé', 'Inès', 'Zoé', 'Anaïs', 'Maëlys', 'Noémie', 'Jade', 'Camille', 'Manon', 'Emma', 'Louise', 'Sarah',
  'Yasmine', 'Océane', 'Clémence', 'Hélène', 'Agathe', 'Margaux', 'Salomé', 'Lucas', 'Hugo', 'Théo', 'Nathan', 'Enzo',
  'Mathis', 'Rayan', 'Jean-Baptiste', 'Noah', 'Adam', 'Gabriel', 'Raphaël', 'Mohamed', 'Loïc', 'Maxime', 'Antoine',
  'Baptiste', 'Kylian', 'Timothée', 'Marie-Ange', 'Aurélien', 'Elouan', 'Bastien', 'Quentin', 'Samuel', 'Joël',
] as const
