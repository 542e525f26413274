/**
 * What to write instead, when a number was written as a spreadsheet shows it and so read as text:
 * a decimal comma ("60,5") or grouped thousands ("1,500", "1.500,75"). Empty for any other value.
 * @example numberTextHint("60,5") // "; write decimals with a point, e.g. 60.5"
 * @example numberTextHint("1.500,75") // "; write it without separators, e.g. 1500.75"
 * @example numberTextHint("1, 500") // "; write it without separators, e.g. 1500"
 */
export function numberTextHint(found: unknown): string {
  if (typeof found !== "string") return "";
  const text = found.trim();
  // A decimal comma: one or two digits after it, or a whole part of 0 ("0,125" is no thousands).
  if (/^-?\d+,\d{1,2}$/.test(text) || /^-?0,\d+$/.test(text)) return `; write decimals with a point, e.g. ${text.replace(",", ".")}`;
  if (/^-?\d{1,3}((, |[,.\s ])\d{3})+([.,]\d+)?$/.test(text)) {
    const decimals = /[.,](\d{1,2})$/.exec(text)?.[1];
    const whole = (decimals === undefined ? text : text.slice(0, -(decimals.length + 1))).replace(/[,.\s ]/g, "");
    return `; write it without separators, e.g. ${whole}${decimals === undefined ? "" : `.${decimals}`}`;
  }
  return "";
}
