import { invalidInput } from './internal/errors'
import { maybeRound } from './internal/round'

/** The simple CLV: average order value × purchases per period × periods × margin. */
export interface SimpleClvInput {
  method: 'simple'
  /** Average revenue per purchase. */
  averageOrderValue: number
  /** Purchases per period (e.g. per year). */
  purchaseFrequency: number
  /** Expected customer lifespan in periods. */
  lifespan: number
  /** Gross-margin share in [0, 1]; default 1 (a revenue, not a profit, value). */
  margin?: number
}

/**
 * The retention-based CLV of Gupta & Lehmann: a margin `m` per period,
 * received at the end of each period the customer is still there, retention
 * `r` per period, discount rate `d` per period.
 */
export interface RetentionClvInput {
  method: 'retention'
  /** Margin per customer per period (revenue − variable cost to serve). */
  margin: number
  /** Retention rate per period, in [0, 1]. */
  retention: number
  /** Discount rate per period (e.g. 0.1 for 10%), ≥ 0. */
  discountRate: number
  /** A finite horizon in whole periods; default: infinite (the closed form). */
  horizon?: number
  /** Acquisition cost, subtracted once; default 0. */
  acquisitionCost?: number
}

/** Input of {@link customerLifetimeValue}. */
export type ClvInput = SimpleClvInput | RetentionClvInput

/** The result of {@link customerLifetimeValue}. */
export interface ClvResult {
  /** The customer lifetime value, in the currency of the inputs. */
  value: number
  /** For `'retention'`: the value of one unit of margin per period, Σ (r/(1+d))ᵗ. */
  marginMultiple: number | null
  method: 'simple' | 'retention'
}

function check(name: string, value: unknown, ok: (x: number) => boolean, expected: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !ok(value)) {
    throw invalidInput('customerLifetimeValue', value, `${expected} (${name})`)
  }
  return value
}

/**
 * Customer lifetime value (CLV), two ways:
 *
 * - `'simple'`: `AOV × purchases per period × lifespan × margin`, the
 *   back-of-envelope form; it ignores discounting and the chance of leaving.
 * - `'retention'` (Gupta & Lehmann): with margin m, retention r and discount
 *   rate d per period, `CLV = Σₜ₌₁^T m·rᵗ/(1+d)ᵗ − AC`. With no horizon this is
 *   the closed form `m · r / (1 + d − r)`; with a horizon T it is
 *   `m · q · (1 − q^T) / (1 − q)`, q = r/(1+d).
 *
 * Do not plug an expected lifetime 1/(1 − r) into an annuity formula instead:
 * that overstates the value, because the customer may leave at any period
 * (Jensen's inequality); the retention form counts each period with its
 * survival probability.
 *
 * Sources: S. Gupta & D. R. Lehmann, "Customers as Assets", Journal of
 * Interactive Marketing 17(1), 2003, and *Managing Customers as Investments*
 * (2005) — the "margin multiple" r/(1 + d − r), e.g. 2.67 at r = 80%, d = 10%;
 * S. Gupta, D. R. Lehmann & J. A. Stuart, "Valuing Customers", Journal of
 * Marketing Research 41(1), 2004.
 *
 * @throws ServiceKitError `METRICS_INVALID_INPUT` for a negative amount, a
 * retention outside [0, 1], a negative discount rate, a non-integer horizon,
 * or r = 1 with d = 0 and no horizon (an infinite value).
 * @example
 * ```ts
 * customerLifetimeValue({ method: 'retention', margin: 100, retention: 0.8, discountRate: 0.1 }).value
 * // 266.66… (= 100 · 0.8 / 0.3)
 * customerLifetimeValue({ method: 'simple', averageOrderValue: 50, purchaseFrequency: 4, lifespan: 3, margin: 0.3 }).value
 * // 180
 * ```
 */
export function customerLifetimeValue(
  input: ClvInput,
  options: { round?: number } = {},
): ClvResult {
  const { round } = options
  if (input?.method === 'simple') {
    const nonNegative = (x: number) => x >= 0
    const aov = check('averageOrderValue', input.averageOrderValue, nonNegative, 'an amount ≥ 0')
    const f = check('purchaseFrequency', input.purchaseFrequency, nonNegative, 'a frequency ≥ 0')
    const life = check('lifespan', input.lifespan, nonNegative, 'a lifespan ≥ 0')
    const m = check(
      'margin',
      input.margin ?? 1,
      (x) => x >= 0 && x <= 1,
      'a margin share in [0, 1]',
    )
    return { value: maybeRound(aov * f * life * m, round), marginMultiple: null, method: 'simple' }
  }
  if (input?.method !== 'retention') {
    throw invalidInput(
      'customerLifetimeValue',
      (input as { method?: unknown } | undefined)?.method,
      "a method of 'simple' or 'retention'",
    )
  }
  const m = check('margin', input.margin, () => true, 'a finite margin')
  const r = check(
    'retention',
    input.retention,
    (x) => x >= 0 && x <= 1,
    'a retention rate in [0, 1]',
  )
  const d = check('discountRate', input.discountRate, (x) => x >= 0, 'a discount rate ≥ 0')
  const ac = check('acquisitionCost', input.acquisitionCost ?? 0, (x) => x >= 0, 'an amount ≥ 0')
  const q = r / (1 + d)
  let multiple: number
  if (input.horizon === undefined) {
    if (q >= 1)
      throw invalidInput(
        'customerLifetimeValue',
        r,
        'a retention below 1 + discountRate when there is no horizon (the value would be infinite)',
      )
    multiple = r / (1 + d - r)
  } else {
    const T = check(
      'horizon',
      input.horizon,
      (x) => Number.isInteger(x) && x >= 0,
      'a whole number of periods ≥ 0',
    )
    multiple = q === 1 ? T : (q * (1 - q ** T)) / (1 - q)
  }
  return {
    value: maybeRound(m * multiple - ac, round),
    marginMultiple: maybeRound(multiple, round),
    method: 'retention',
  }
}
