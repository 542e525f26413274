/**
 * Flesch reading ease, to keep the report's prose plain: 206.835 − 1.015 × (words ÷ sentences)
 * − 84.6 × (syllables ÷ words). 60–70 is plain English; the report's main text must reach 50.
 * Syllables are counted by a spelling heuristic (vowel groups, silent endings), good to about one
 * syllable in ten words: enough to tell plain prose from dense prose.
 */

/** A figure (€7,960, 87%, 12) reads about as fast as a word of two syllables. */
const SYLLABLES_PER_FIGURE = 2;

/**
 * Syllables in one English word, by heuristic.
 * @example countSyllables("readability") // 5 ; countSyllables("makes") // 1
 */
export function countSyllables(word: string): number {
  const letters = word.toLowerCase().replace(/[^a-z]/g, "");
  if (letters.length === 0) return 0;
  if (letters.length <= 3) return 1;
  const stem = letters
    // A silent final e, and -es after a consonant other than l ("makes", but "tables" keeps its e).
    .replace(/([^laeiouy])es$/, "$1")
    .replace(/([^laeiouy])e$/, "$1")
    // -ed is silent except after t or d ("jumped" one syllable, "wanted" two).
    .replace(/([^aeiouytd])ed$/, "$1")
    // A leading y is a consonant ("year").
    .replace(/^y/, "");
  const groups = stem.match(/[aeiouy]+/g)?.length ?? 0;
  // Vowel pairs read as two syllables: "Australian", "period", "actual" (but not -tion, -cial, "quality").
  const split = (stem.match(/[^tsc]i[aou]|[^qg]ua/g) ?? []).length;
  return Math.max(1, groups + split);
}

export interface TextStatistics {
  sentences: number;
  words: number;
  syllables: number;
}

/**
 * Counts sentences, words and syllables. A sentence ends with . ! or ? followed by a space or
 * the end; a full stop inside a number (3.5) does not end one.
 * @example textStatistics("The cat sat. It slept.") // { sentences: 2, words: 5, syllables: 5 }
 */
export function textStatistics(text: string): TextStatistics {
  const tokens = text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token));
  let words = 0;
  let syllables = 0;
  for (const token of tokens) {
    words++;
    syllables += /\p{L}/u.test(token) ? countSyllables(token) : SYLLABLES_PER_FIGURE;
  }
  const sentences = Math.max(1, (text.match(/[.!?]+(?=\s|$)/g) ?? []).length + (/[.!?]\s*$/.test(text.trim()) || text.trim() === "" ? 0 : 1));
  return { sentences, words, syllables };
}

/**
 * Flesch reading ease of a text: higher is easier; 50 and above is fairly plain.
 * @example fleschReadingEase("The cat sat on the mat.") // 116.145
 */
export function fleschReadingEase(text: string): number {
  const { sentences, words, syllables } = textStatistics(text);
  if (words === 0) return 100;
  return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words);
}
