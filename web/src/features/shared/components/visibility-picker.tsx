import { useTranslation } from 'react-i18next';
import { RadioGroup } from '@/components/ui';
import type { ItemVisibility } from '../api/shared-workouts';

export interface VisibilityPickerProps {
  /** What the item is shown with: "this workout", "this entry". */
  legend: string;
  name: string;
  value: ItemVisibility;
  onValueChange: (value: ItemVisibility) => void;
}

/** Private / followers / public, each with a one-line explanation of who sees it. */
export function VisibilityPicker({ legend, name, value, onValueChange }: VisibilityPickerProps) {
  const { t } = useTranslation();
  const options = (['private', 'followers', 'public'] as const).map((v) => ({
    value: v,
    label: t(`shared.visibility.${v}`),
    description: t(`shared.visibility.${v}Hint`),
  }));
  return <RadioGroup legend={legend} name={name} value={value} onValueChange={onValueChange} options={options} />;
}
