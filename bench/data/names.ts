/**
 * Fictional first names and family names for generated people. Any likeness to
 * a real person is chance: names and surnames are combined at random.
 */

const words = (s: string): readonly string[] => s.split(' ');

export type Origin = 'afghan' | 'somali' | 'eritrean' | 'swedish';

export const firstNames: Record<Origin, readonly string[]> = {
  afghan: words(
    'Ahmad Ali Amir Arash Bashir Farid Hamid Hassan Javad Karim Mahdi Masoud Mohammad Mostafa ' +
      'Murtaza Nasir Omid Reza Sajad Samir Shafiq Sohrab Wahid Yasin Zaki Fatima Mariam Parwana Zahra ' +
      'Nilofar Shabnam Soraya Laila Hadia',
  ),
  somali: words(
    'Abdi Abdirahman Abdullahi Ahmed Bashiir Cabdi Faarax Hamse Ibrahim Jamal Liban Mahad Mohamed ' +
      'Mustafe Omar Yusuf Ayaan Faadumo Hodan Hibo Idil Ifrah Khadra Nasra Sagal Sahra Ubah Warsan',
  ),
  eritrean: words(
    'Abel Amanuel Berhane Biniam Dawit Efrem Filmon Goitom Henok Kidane Mehari Merhawi Robel Semere ' +
      'Tesfay Yonas Aster Eden Helen Lula Meron Rahel Saba Selam Senait Winta',
  ),
  swedish: words(
    'Anna Astrid Birgitta Cecilia Elin Emma Eva Frida Ida Ingrid Johanna Karin Kerstin Linnea Maria ' +
      'Sara Sofia Ulla Anders Björn Daniel Erik Fredrik Gustav Göran Henrik Johan Karl Lars Magnus ' +
      'Mats Nils Olof Per Stefan Tomas',
  ),
};

export const familyNames: Record<Origin, readonly string[]> = {
  afghan: words('Ahmadi Alizada Amiri Hashimi Hosseini Karimi Mohammadi Noori Rahimi Sultani'),
  somali: words('Abdi Ali Farah Hassan Hussein Jama Mohamud Nur Osman Warsame'),
  eritrean: words('Berhe Gebremedhin Haile Kahsay Mehari Tekle Tesfamariam Woldu Yohannes'),
  swedish: words(
    'Andersson Berg Ek Holm Johansson Karlsson Lind Lindqvist Lundberg Nilsson Norén Persson ' +
      'Sandberg Strand Ström Wikström',
  ),
};

/** The languages a child of each origin speaks, most fluent first (ISO 639). */
export const languagesOf: Record<Exclude<Origin, 'swedish'>, readonly (readonly string[])[]> = {
  afghan: [['prs'], ['prs', 'sv'], ['ps'], ['ps', 'prs'], ['fa']],
  somali: [['so'], ['so', 'sv'], ['so', 'ar']],
  eritrean: [['ti'], ['ti', 'en'], ['ti', 'ar']],
};

/** ASCII for e-mail addresses: å/ä → a, ö → o. */
export function emailPart(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]/g, '');
}
