// The types that tie each area's English to its Swedish. The Swedish object is the source: the
// `Messages` type is derived from it, and the English must have the same keys and shapes.

/** The placeholder names in a text: Placeholders<"Karta över {name}"> is "name". */
export type Placeholders<S extends string> = S extends `${string}{${infer N}}${infer Rest}`
  ? N | Placeholders<Rest>
  : never;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;

/** A text that holds every placeholder in P, in any order. */
type Containing<P extends string> = [P] extends [never]
  ? string
  : UnionToIntersection<P extends string ? `${string}{${P}}${string}` : never>;

/**
 * What the English for a Swedish message must look like: the same keys, lists of the same length,
 * and texts that hold the same placeholders. A missing or misspelled one fails the type-check.
 */
export type English<S> = S extends string
  ? Containing<Placeholders<S>>
  : { readonly [K in keyof S]: English<S[K]> };

declare const PLACEHOLDERS: unique symbol;

/**
 * A message text that holds the placeholders P. The mark exists only in the type: it lets `fill`
 * require exactly these names, in every language, although the text itself is a plain string.
 */
export type Template<P extends string = never> = string & { readonly [PLACEHOLDERS]: P };

/** The placeholder names a text needs filled: a message's marked ones, or those in a literal. */
export type Names<T extends string> = T extends { readonly [PLACEHOLDERS]: infer P extends string }
  ? P
  : string extends T
    ? string
    : Placeholders<T>;

/** A message as pages see it: the Swedish shape, each text a Template of its placeholders. */
export type Text<S> = S extends string ? Template<Placeholders<S>> : { readonly [K in keyof S]: Text<S[K]> };

/** The messages of one language as the type derived from the Swedish. */
export function asMessages<S>(messages: English<S>): Text<S> {
  // The Template mark is only a type; checked against the Swedish, the texts are what it says.
  return messages as Text<S>;
}
