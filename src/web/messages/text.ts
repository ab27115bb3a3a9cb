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

/** A message as pages see it: the Swedish shape, with each text widened to a string. */
export type Text<S> = S extends string ? string : { readonly [K in keyof S]: Text<S[K]> };
