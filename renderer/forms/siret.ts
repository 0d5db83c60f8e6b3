/** SIRET checksum: Luhn over the 14 digits. A failed check is a warning, never a blocker. */
export function siretChecksumOk(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 14; i += 1) {
    let digit = Number(value[13 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** True when the value is a well-formed SIRET whose checksum fails (the case worth a warning). */
export function siretNeedsWarning(value: string): boolean {
  const v = value.trim();
  return /^\d{14}$/.test(v) && !siretChecksumOk(v);
}
