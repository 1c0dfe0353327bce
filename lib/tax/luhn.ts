/**
 * The Luhn checksum (SIREN, SIRET).
 */

/** True when the digit string passes Luhn: doubling every second digit from the right, sum ≡ 0 mod 10. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}
