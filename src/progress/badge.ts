import { escapeXml } from "./xml.ts";
import { LEVEL_NAMES, type ReadinessLevel } from "./model.ts";
import type { Language } from "../core/index.ts";

// Contrast ≥ 4.5:1 for white text on each colour (WCAG AA).
const COLOURS: Readonly<Record<ReadinessLevel, string>> = {
  0: "#5c5c5c",
  1: "#8a4b00",
  2: "#1d6b2f",
  3: "#0b4f8a",
};

/**
 * The embeddable badge: "Öppna data | Nivå 2 Etablerad". An SVG image with a title, so screen
 * readers and image-less pages get the same text.
 */
export function renderBadge(
  organizationName: string,
  level: ReadinessLevel,
  language: Language = "sv",
): string {
  const left = language === "sv" ? "Öppna data" : "Open data";
  const right = `${language === "sv" ? "Nivå" : "Level"} ${level} ${LEVEL_NAMES[level][language]}`;
  const leftWidth = 12 + left.length * 7;
  const rightWidth = 12 + right.length * 7;
  const width = leftWidth + rightWidth;
  const title = `${organizationName}: ${left.toLowerCase()}, ${right}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="24" role="img" aria-label="${escapeXml(title)}">
<title>${escapeXml(title)}</title>
<rect width="${leftWidth}" height="24" fill="#262626"/>
<rect x="${leftWidth}" width="${rightWidth}" height="24" fill="${COLOURS[level]}"/>
<g fill="#ffffff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="12">
<text x="6" y="16">${escapeXml(left)}</text>
<text x="${leftWidth + 6}" y="16">${escapeXml(right)}</text>
</g>
</svg>
`;
}
