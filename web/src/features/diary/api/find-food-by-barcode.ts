import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import type { Food } from '../lib/model';

/**
 * GET /api/v1/foods/barcode/{code}: 422 with a field error on `code` for a wrong check digit,
 * 404 when no food has it. A look-up the user asks for (a scan, typed digits), so a mutation:
 * its outcome belongs to that one attempt.
 */
export function findFoodByBarcode(code: string): Promise<Food> {
  return api.get<Food>(`/foods/barcode/${encodeURIComponent(code)}`);
}

export function useFindFoodByBarcode() {
  return useMutation({ mutationFn: findFoodByBarcode });
}
