import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ButtonLink, Card, ErrorState, LoadingState, PageHeader } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { formatNumber } from '@/lib/format';
import { useRecipe } from '../api/get-recipe';
import type { NutritionPaths } from '../paths';
import { NutrientList } from './nutrient-list';
import './nutrition.css';

/** /food/recipes/:id: the recipe's ingredients and its nutrition per serving and per 100 g (the server's). */
export function RecipePage({ id, paths }: { id: string; paths: NutritionPaths }) {
  const { t, i18n } = useTranslation();
  const recipe = useRecipe(id);
  const back = <Link to={paths.recipes}>{t('nutrition.recipes.back')}</Link>;
  if (recipe.isPending) return <LoadingState label={t('nutrition.recipe.loading')} />;
  if (recipe.isError) {
    return (
      <div className="nutrition-page">
        <PageHeader title={t('nutrition.recipe.title')} back={back} />
        <ErrorState message={errorMessage(recipe.error, t)} onRetry={() => void recipe.refetch()} />
      </div>
    );
  }
  const r = recipe.data;
  const grams = (value: number) => formatNumber(value, i18n.language, { maxFractionDigits: 1 });
  return (
    <div className="nutrition-page">
      <PageHeader
        title={r.name}
        back={back}
        intro={
          <span className="nutrition-number">
            {t('nutrition.recipes.servings', { count: r.servings })}
            {' · '}
            {t('nutrition.recipe.totalWeight', { grams: grams(r.total_weight_g) })}
          </span>
        }
        actions={
          <ButtonLink to={paths.editRecipe(r.id)} variant="secondary">
            {t('nutrition.recipe.edit')}
          </ButtonLink>
        }
      />
      <Card>
        <h2 className="nutrition-section__title">{t('nutrition.recipe.ingredients')}</h2>
        <ul className="ingredient-summary">
          {r.ingredients.map((ingredient, index) => (
            <li key={`${ingredient.food_id}-${index}`}>
              <span>{ingredient.name}</span>{' '}
              <span className="nutrition-muted nutrition-number">
                {ingredient.portion
                  ? t('nutrition.recipe.portionAmount', {
                      count: ingredient.portion.count,
                      portion: ingredient.portion.name,
                      grams: grams(ingredient.grams),
                    })
                  : t('nutrition.recipe.gramsAmount', { grams: grams(ingredient.grams) })}
              </span>
            </li>
          ))}
        </ul>
      </Card>
      <div className="nutrition-columns">
        <Card>
          <NutrientList
            caption={t('nutrition.recipe.perServing')}
            amounts={r.per_serving.amounts}
            incomplete={r.per_serving.incomplete}
          />
        </Card>
        <Card>
          <NutrientList caption={t('nutrition.recipe.per100g')} amounts={r.per_100g.amounts} incomplete={r.per_100g.incomplete} />
        </Card>
      </div>
      {r.per_serving.incomplete.length > 0 ? <p className="nutrition-muted">* {t('nutrition.incompleteNote')}</p> : null}
    </div>
  );
}
