import { useTranslation } from 'react-i18next';
import { allNutrients, type NutrientAmounts, type NutrientKey } from '../lib/nutrients';
import { useNutrientFormat } from './use-nutrient-format';

export interface NutrientListProps {
  caption: string;
  amounts: NutrientAmounts;
  incomplete: readonly NutrientKey[];
}

/**
 * A table of the nutrients a food or recipe gives, in the closed list's order; the ones only some
 * ingredients give are marked, so a low number is not read as the whole truth.
 */
export function NutrientList({ caption, amounts, incomplete }: NutrientListProps) {
  const { t } = useTranslation();
  const format = useNutrientFormat();
  const known = allNutrients.filter((key) => amounts[key] !== undefined);
  if (known.length === 0) return <p className="nutrition-muted">{t('nutrition.noNutrients')}</p>;
  return (
    <table className="nutrient-table">
      <caption className="nutrient-table__caption">{caption}</caption>
      <thead className="visually-hidden">
        <tr>
          <th scope="col">{t('nutrition.nutrient')}</th>
          <th scope="col">{t('nutrition.amount')}</th>
        </tr>
      </thead>
      <tbody>
        {known.map((key) => (
          <tr key={key}>
            <th scope="row">{format.name(key)}</th>
            <td className="nutrition-number">
              {format.amount(key, amounts[key] ?? 0)}
              {incomplete.includes(key) ? (
                <>
                  {' '}
                  <abbr className="nutrient-incomplete" title={t('nutrition.incomplete')}>
                    *
                  </abbr>
                  <span className="visually-hidden">{t('nutrition.incomplete')}</span>
                </>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
