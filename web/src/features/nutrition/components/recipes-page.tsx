import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ButtonLink, Card, EmptyState, ErrorState, LoadingState, PageHeader } from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { formatNumber } from '@/lib/format';
import { useRecipes } from '../api/list-recipes';
import type { NutritionPaths } from '../paths';
import './nutrition.css';

/** /food/recipes: your recipes with their servings and energy per serving. */
export function RecipesPage({ paths }: { paths: NutritionPaths }) {
  const { t, i18n } = useTranslation();
  const recipes = useRecipes();
  const newRecipe = (
    <ButtonLink to={paths.newRecipe} variant="primary">
      {t('nutrition.recipes.new')}
    </ButtonLink>
  );
  return (
    <div className="nutrition-page">
      <PageHeader
        title={t('nutrition.recipes.title')}
        intro={t('nutrition.recipes.intro')}
        back={<Link to={paths.diary}>{t('nutrition.backToDiary')}</Link>}
        actions={
          <>
            <ButtonLink to={paths.newFood} variant="secondary">
              {t('nutrition.recipes.newFood')}
            </ButtonLink>
            {newRecipe}
          </>
        }
      />
      {recipes.isPending ? <LoadingState label={t('nutrition.recipes.loading')} /> : null}
      {recipes.isError ? (
        <ErrorState message={errorMessage(recipes.error, t)} onRetry={() => void recipes.refetch()} />
      ) : null}
      {recipes.data?.items.length === 0 ? (
        <EmptyState title={t('nutrition.recipes.emptyTitle')} action={newRecipe}>
          {t('nutrition.recipes.empty')}
        </EmptyState>
      ) : null}
      {recipes.data && recipes.data.items.length > 0 ? (
        <ul className="recipe-list">
          {recipes.data.items.map((recipe) => {
            const kcal = recipe.per_serving.amounts.energy_kcal;
            return (
              <li key={recipe.id}>
                <Card className="recipe-card">
                  <Link to={paths.recipe(recipe.id)} className="recipe-card__name">
                    {recipe.name}
                  </Link>
                  <p className="nutrition-muted nutrition-number">
                    {t('nutrition.recipes.servings', { count: recipe.servings })}
                    {' · '}
                    {kcal === undefined
                      ? t('nutrition.recipes.noEnergy')
                      : t('nutrition.recipes.kcalPerServing', { kcal: formatNumber(kcal, i18n.language) })}
                  </p>
                </Card>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
