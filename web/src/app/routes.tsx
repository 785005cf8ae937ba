import { lazy, Suspense, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, useParams, useSearchParams } from 'react-router';
import { LoginPage } from '@/features/auth/components/login-page';
import { LandingPage } from '@/features/landing/components/landing-page';
import { useMeta } from '@/features/meta/api/get-meta';
import { TodayPage } from '@/features/today/components/today-page';
import { useMe, type Me } from '@/lib/auth/get-me';
import { safeNextPath } from '@/lib/auth/safe-next';
import { isIsoDay, todayIn } from '@/features/diary/lib/diary-math';
import { RequireAdmin, RequireAuth, RequireModerator, SignedOutOnly, Waiting } from './guards';
import { RootLayout } from './layout/app-layout';
import { NotFoundPage } from './pages/not-found-page';
import { RouteErrorPage } from './pages/route-error-page';
import {
  adminPaths,
  appsPaths,
  consentPaths,
  communityPaths,
  challengePaths,
  clubPaths,
  diaryPaths,
  exercisePaths,
  goalPaths,
  importPaths,
  linkTo,
  mePaths,
  notificationPaths,
  nutritionPaths,
  paths,
  progressPaths,
  todayPaths,
  workoutPaths,
  peoplePaths,
  sharedPaths,
} from './paths';

// Sign-up, e-mail verification and password reset are each visited once or rarely: they load on
// first use too, so the landing page and sign-in (the usual first pages) stay small.
const SignupPage = lazy(() => import('@/features/auth/components/signup-page').then((m) => ({ default: m.SignupPage })));
const VerifyEmailPage = lazy(() =>
  import('@/features/auth/components/verify-email-page').then((m) => ({ default: m.VerifyEmailPage })),
);
const ForgotPasswordPage = lazy(() =>
  import('@/features/auth/components/forgot-password-page').then((m) => ({ default: m.ForgotPasswordPage })),
);
const ResetPasswordPage = lazy(() =>
  import('@/features/auth/components/reset-password-page').then((m) => ({ default: m.ResetPasswordPage })),
);
// Pages only signed-in users (or only admins) reach load on first use, so a first visit
// to the landing page or sign-in does not download them.
// Today's training summary comes with the workout code, so the landing page does not load it.
const RecentTraining = lazy(() =>
  import('@/features/workouts/components/recent-training').then((m) => ({ default: m.RecentTraining })),
);
const SecurityPage = lazy(() =>
  import('@/features/account/components/security-page').then((m) => ({ default: m.SecurityPage })),
);
const AdminUsersPage = lazy(() =>
  import('@/features/admin/components/admin-users-page').then((m) => ({ default: m.AdminUsersPage })),
);
const AdminSettingsPage = lazy(() =>
  import('@/features/admin/components/admin-settings-page').then((m) => ({ default: m.AdminSettingsPage })),
);

const SharedWorkoutPage = lazy(() =>
  import('@/features/shared/components/shared-workout-page').then((m) => ({ default: m.SharedWorkoutPage })),
);
const UserWorkoutList = lazy(() =>
  import('@/features/shared/components/user-workout-list').then((m) => ({ default: m.UserWorkoutList })),
);
const VisibilityChangePage = lazy(() =>
  import('@/features/shared/components/visibility-change-page').then((m) => ({ default: m.VisibilityChangePage })),
);

const LogPage = lazy(() => import('@/features/workouts/components/log-page').then((m) => ({ default: m.LogPage })));
const CardioPage = lazy(() =>
  import('@/features/workouts/components/cardio-page').then((m) => ({ default: m.CardioPage })),
);
const ActiveWorkoutPage = lazy(() =>
  import('@/features/workouts/components/active-workout-page').then((m) => ({ default: m.ActiveWorkoutPage })),
);
const HistoryPage = lazy(() =>
  import('@/features/workouts/components/history-page').then((m) => ({ default: m.HistoryPage })),
);
// A cardio workout's page shows the activity feature's parts: the page waits for both chunks,
// so that they are drawn with the workout. Drawn later (when their chunk came after the
// workout), they pushed the page's buttons down by their height (0.11 of layout shift).
let activityDetail: typeof import('@/features/activity/components/activity-detail') | undefined;
const WorkoutDetailPage = lazy(() =>
  Promise.all([
    import('@/features/workouts/components/workout-detail-page'),
    import('@/features/activity/components/activity-detail').then((m) => (activityDetail = m)),
  ]).then(([m]) => ({ default: m.WorkoutDetailPage })),
);
const RoutinesPage = lazy(() =>
  import('@/features/workouts/components/routines-page').then((m) => ({ default: m.RoutinesPage })),
);
const RoutineEditorPage = lazy(() =>
  import('@/features/workouts/components/routine-editor-page').then((m) => ({ default: m.RoutineEditorPage })),
);
const ProgramsPage = lazy(() =>
  import('@/features/workouts/components/programs-page').then((m) => ({ default: m.ProgramsPage })),
);
const TemplatesPage = lazy(() =>
  import('@/features/workouts/components/templates-page').then((m) => ({ default: m.TemplatesPage })),
);
const BodyPage = lazy(() => import('@/features/body/components/body-page').then((m) => ({ default: m.BodyPage })));
const MePage = lazy(() => import('@/features/me/components/me-page').then((m) => ({ default: m.MePage })));
const ImportPage = lazy(() =>
  import('@/features/imports/components/import-page').then((m) => ({ default: m.ImportPage })),
);
const ExerciseBrowserPage = lazy(() =>
  import('@/features/exercises/components/exercise-browser-page').then((m) => ({ default: m.ExerciseBrowserPage })),
);
const ExercisePage = lazy(() =>
  import('@/features/exercises/components/exercise-page').then((m) => ({ default: m.ExercisePage })),
);
const ExerciseProgressPage = lazy(() =>
  import('@/features/progress/components/exercise-progress-page').then((m) => ({ default: m.ExerciseProgressPage })),
);
const SportPage = lazy(() => import('@/features/progress/components/sport-page').then((m) => ({ default: m.SportPage })));
const RecordsPage = lazy(() =>
  import('@/features/progress/components/records-page').then((m) => ({ default: m.RecordsPage })),
);

const CommunityPage = lazy(() =>
  import('@/features/community/components/community-page').then((m) => ({ default: m.CommunityPage })),
);
const GoalsPage = lazy(() => import('@/features/goals/components/goals-page').then((m) => ({ default: m.GoalsPage })));
const GoalDetailPage = lazy(() =>
  import('@/features/goals/components/goal-detail-page').then((m) => ({ default: m.GoalDetailPage })),
);
const GoalEditorPage = lazy(() =>
  import('@/features/goals/components/goal-editor-page').then((m) => ({ default: m.GoalEditorPage })),
);

// Nutrition pages beside the diary: recipes, own foods, targets, a day's nutrients, the week.
const RecipesPage = lazy(() => import('@/features/nutrition/components/recipes-page').then((m) => ({ default: m.RecipesPage })));
const RecipePage = lazy(() => import('@/features/nutrition/components/recipe-page').then((m) => ({ default: m.RecipePage })));
const RecipeEditorPage = lazy(() =>
  import('@/features/nutrition/components/recipe-editor-page').then((m) => ({ default: m.RecipeEditorPage })),
);
const FoodEditorPage = lazy(() =>
  import('@/features/nutrition/components/food-editor-page').then((m) => ({ default: m.FoodEditorPage })),
);
const NotificationsPage = lazy(() =>
  import('@/features/notifications/components/notifications-page').then((m) => ({ default: m.NotificationsPage })),
);
const NotificationSettingsPage = lazy(() =>
  import('@/features/notifications/components/notification-settings-page').then((m) => ({
    default: m.NotificationSettingsPage,
  })),
);
const ClubsPage = lazy(() => import('@/features/clubs/components/clubs-page').then((m) => ({ default: m.ClubsPage })));
const NewClubPage = lazy(() => import('@/features/clubs/components/clubs-page').then((m) => ({ default: m.NewClubPage })));
const ClubPage = lazy(() => import('@/features/clubs/components/club-page').then((m) => ({ default: m.ClubPage })));
const TargetsPage = lazy(() => import('@/features/nutrition/components/targets-page').then((m) => ({ default: m.TargetsPage })));
const NutrientDayPage = lazy(() =>
  import('@/features/nutrition/components/nutrient-day-page').then((m) => ({ default: m.NutrientDayPage })),
);
const WeekPage = lazy(() => import('@/features/nutrition/components/week-page').then((m) => ({ default: m.WeekPage })));
const DiaryPage = lazy(() => import('@/features/diary/components/diary-page').then((m) => ({ default: m.DiaryPage })));
const ModerationQueuePage = lazy(() =>
  import('@/features/moderation/components/moderation-queue-page').then((m) => ({ default: m.ModerationQueuePage })),
);
const MyDecisionsPage = lazy(() =>
  import('@/features/moderation/components/my-decisions-page').then((m) => ({ default: m.MyDecisionsPage })),
);

const ProfilePage = lazy(() => import('@/features/people/components/profile-page').then((m) => ({ default: m.ProfilePage })));
const PeoplePage = lazy(() => import('@/features/people/components/people-page').then((m) => ({ default: m.PeoplePage })));
const PrivacySettingsPage = lazy(() =>
  import('@/features/privacy/components/privacy-settings-page').then((m) => ({ default: m.PrivacySettingsPage })),
);
const ProfileSettingsPage = lazy(() =>
  import('@/features/privacy/components/profile-settings-page').then((m) => ({ default: m.ProfileSettingsPage })),
);

// Community: challenges.
const ChallengesPage = lazy(() =>
  import('@/features/challenges/components/challenges-page').then((m) => ({ default: m.ChallengesPage })),
);
const ChallengeEditorPage = lazy(() =>
  import('@/features/challenges/components/challenge-editor-page').then((m) => ({ default: m.ChallengeEditorPage })),
);
const ChallengePage = lazy(() =>
  import('@/features/challenges/components/challenge-page').then((m) => ({ default: m.ChallengePage })),
);

// Client apps (issue 14): developer apps, connected apps, the OAuth consent and device pages, the admin's list.
const DeveloperAppsPage = lazy(() =>
  import('@/features/apps/components/developer-apps-page').then((m) => ({ default: m.DeveloperAppsPage })),
);
const AppDetailsPage = lazy(() =>
  import('@/features/apps/components/app-details-page').then((m) => ({ default: m.AppDetailsPage })),
);
const AppWebhooks = lazy(() =>
  import('@/features/webhooks/components/app-webhooks').then((m) => ({ default: m.AppWebhooks })),
);
const ConnectedAppsPage = lazy(() =>
  import('@/features/apps/components/connected-apps-page').then((m) => ({ default: m.ConnectedAppsPage })),
);
const ConsentPage = lazy(() => import('@/features/apps/components/consent-page').then((m) => ({ default: m.ConsentPage })));
const DevicePage = lazy(() => import('@/features/apps/components/device-page').then((m) => ({ default: m.DevicePage })));
const AdminAppsPage = lazy(() =>
  import('@/features/apps/components/admin-apps-page').then((m) => ({ default: m.AdminAppsPage })),
);
const AdminNav = lazy(() => import('@/features/admin/components/admin-nav').then((m) => ({ default: m.AdminNav })));
// Consent (issue 15): the public privacy policy and the admin's editor of it.
const PrivacyPolicyPage = lazy(() =>
  import('@/features/consent/components/privacy-policy-page').then((m) => ({ default: m.PrivacyPolicyPage })),
);
const AdminPrivacyPolicyPage = lazy(() =>
  import('@/features/consent/components/admin-privacy-policy-page').then((m) => ({ default: m.AdminPrivacyPolicyPage })),
);
const ConsentSection = lazy(() =>
  import('@/features/consent/components/consent-section').then((m) => ({ default: m.ConsentSection })),
);

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageCodeWaiting />}>{children}</Suspense>;
}

function PageCodeWaiting() {
  const { t } = useTranslation();
  return <Waiting label={t('app.loadingPage')} />;
}

/** `/`: Today for a signed-in user, the landing page for everybody else. */
function HomeRoute() {
  const me = useMe();
  if (me.data) {
    return (
      <TodayPage
        username={me.data.username}
        timeZone={me.data.preferences.time_zone}
        paths={todayPaths}
        training={
          <Suspense fallback={null}>
            <RecentTraining paths={workoutPaths} />
          </Suspense>
        }
      />
    );
  }
  // Signed out, still asking, or /me failed: the landing page is right (or harmless) for all.
  return <LandingPage signupPath={paths.signup} loginPath={paths.login} />;
}

/** Sign-up needs the instance's registration mode, which GET /meta reports. */
function SignupRoute() {
  const meta = useMeta();
  return (
    <Loading>
      <SignupPage
        registration={meta.data?.registration}
        registrationPending={meta.isPending}
        loginPath={paths.login}
        privacyPolicyPath={paths.privacyPolicy}
      />
    </Loading>
  );
}

/** A page for signed-in users, its code loaded on first use. */
function signedIn(page: (me: Me) => ReactNode) {
  return <RequireAuth>{(me) => <Loading>{page(me)}</Loading>}</RequireAuth>;
}

/** The `:id` of the current route; the route table only renders these under a matching path. */
function useRouteId(): string {
  return useParams().id ?? '';
}

/** Another user's workout: anyone may look; the server decides what they see. */
function UserWorkoutRoute() {
  const params = useParams();
  const username = params.username ?? '';
  const id = params.id ?? '';
  const me = useMe();
  return (
    <Loading>
      <SharedWorkoutPage key={`${username}/${id}`} username={username} id={id} viewer={me.data?.username ?? null} />
    </Loading>
  );
}

function WorkoutDetailRoute() {
  const id = useRouteId();
  // The map tile server an admin may have configured, for a cardio workout's route.
  const meta = useMeta();
  return signedIn(() => (
    <WorkoutDetailPage
      key={id}
      id={id}
      paths={workoutPaths}
      activity={(workout) => {
        // Its code came with the page's (see WorkoutDetailPage above).
        const ActivityDetail = activityDetail?.ActivityDetail;
        return ActivityDetail ? <ActivityDetail workout={workout} mapTiles={meta.data?.map} sportPath={linkTo.sport} /> : null;
      }}
    />
  ));
}

function RoutineEditRoute() {
  const id = useRouteId();
  return signedIn(() => <RoutineEditorPage key={id} id={id} paths={workoutPaths} />);
}

function ExerciseRoute() {
  const id = useRouteId();
  return signedIn(() => <ExercisePage key={id} id={id} paths={exercisePaths} />);
}

function ExerciseProgressRoute() {
  const id = useRouteId();
  return signedIn(() => <ExerciseProgressPage key={id} id={id} paths={progressPaths} />);
}

function SportRoute() {
  const sport = useParams().sport ?? '';
  return signedIn(() => <SportPage key={sport} sport={sport} paths={progressPaths} />);
}

function GoalRoute() {
  const id = useRouteId();
  return signedIn((me) => <GoalDetailPage key={id} id={id} paths={goalPaths} timeZone={me.preferences.time_zone} />);
}

function GoalEditRoute() {
  const id = useRouteId();
  return signedIn((me) => <GoalEditorPage key={id} id={id} paths={goalPaths} timeZone={me.preferences.time_zone} />);
}

function RecipeRoute() {
  const id = useRouteId();
  return signedIn(() => <RecipePage key={id} id={id} paths={nutritionPaths} />);
}

function RecipeEditRoute() {
  const id = useRouteId();
  return signedIn(() => <RecipeEditorPage key={id} id={id} paths={nutritionPaths} />);
}

/** /food/foods/new?barcode=&next=: a scan that found nothing starts here with its digits. */
function FoodNewRoute() {
  const [search] = useSearchParams();
  const next = safeNextPath(search.get('next')) ?? undefined;
  return signedIn(() => <FoodEditorPage barcode={search.get('barcode') ?? undefined} afterSave={next} paths={nutritionPaths} />);
}

function FoodEditRoute() {
  const id = useRouteId();
  const [search] = useSearchParams();
  const next = safeNextPath(search.get('next')) ?? undefined;
  return signedIn(() => <FoodEditorPage key={id} id={id} afterSave={next} paths={nutritionPaths} />);
}

function NutrientDayRoute() {
  const date = useParams().date ?? '';
  if (!isIsoDay(date)) return <NotFoundPage />;
  return signedIn(() => <NutrientDayPage key={date} date={date} paths={nutritionPaths} />);
}

function NutritionWeekRoute() {
  const [search] = useSearchParams();
  const date = search.get('date') ?? undefined;
  return signedIn(() => <WeekPage date={date} paths={nutritionPaths} />);
}

/** /u/:username: a user's profile; the visibility lane's workout list goes in `activity` (composed at merge). */
function UserProfileRoute() {
  const username = useParams().username ?? '';
  return signedIn(() => (
    <ProfilePage
      key={username}
      username={username}
      paths={peoplePaths}
      activity={
        <Loading>
          <UserWorkoutList username={username} paths={sharedPaths} />
        </Loading>
      }
    />
  ));
}

/** `/food` (today) and `/food/:date`: the diary of a day; a date that is not a day is not a page. */
function FoodRoute() {
  const { date } = useParams();
  if (date !== undefined && !isIsoDay(date)) return <NotFoundPage />;
  return signedIn((me) => {
    const today = todayIn(me.preferences.time_zone);
    return <DiaryPage key={date ?? today} date={date ?? today} today={today} paths={diaryPaths} />;
  });
}

function ChallengeRoute() {
  const id = useRouteId();
  return signedIn((me) => <ChallengePage key={id} id={id} paths={challengePaths} username={me.username} />);
}

export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomeRoute /> },
      {
        path: paths.signup,
        element: (
          <SignedOutOnly>
            <SignupRoute />
          </SignedOutOnly>
        ),
      },
      {
        path: paths.login,
        element: (
          <SignedOutOnly>
            <LoginPage homePath={paths.home} signupPath={paths.signup} forgotPasswordPath={paths.forgotPassword} />
          </SignedOutOnly>
        ),
      },
      {
        path: paths.verifyEmail,
        element: (
          <Loading>
            <VerifyEmailPage loginPath={paths.login} homePath={paths.home} />
          </Loading>
        ),
      },
      {
        path: paths.forgotPassword,
        element: (
          <Loading>
            <ForgotPasswordPage loginPath={paths.login} />
          </Loading>
        ),
      },
      {
        path: paths.resetPassword,
        element: (
          <Loading>
            <ResetPasswordPage loginPath={paths.login} forgotPasswordPath={paths.forgotPassword} />
          </Loading>
        ),
      },
      {
        path: paths.securitySettings,
        element: (
          <RequireAuth>
            {(me) => (
              <Loading>
                <SecurityPage
                  me={me}
                  homePath={paths.home}
                  privacySection={<ConsentSection paths={consentPaths} />}
                />
              </Loading>
            )}
          </RequireAuth>
        ),
      },
      {
        path: paths.adminUsers,
        element: (
          <RequireAdmin>
            {(me) => (
              <Loading>
                <AdminUsersPage meId={me.id} paths={adminPaths} />
              </Loading>
            )}
          </RequireAdmin>
        ),
      },
      {
        path: paths.adminSettings,
        element: (
          <RequireAdmin>
            {() => (
              <Loading>
                <AdminSettingsPage paths={adminPaths} />
              </Loading>
            )}
          </RequireAdmin>
        ),
      },
      { path: paths.log, element: signedIn((me) => <LogPage userId={me.id} paths={workoutPaths} />) },
      { path: paths.logActive, element: signedIn((me) => <ActiveWorkoutPage userId={me.id} paths={workoutPaths} />) },
      {
        path: paths.logCardio,
        element: signedIn((me) => <CardioPage timeZone={me.preferences.time_zone} paths={workoutPaths} />),
      },
      { path: paths.workouts, element: signedIn(() => <HistoryPage paths={workoutPaths} />) },
      { path: paths.workout, element: <WorkoutDetailRoute /> },
      { path: paths.routines, element: signedIn((me) => <RoutinesPage userId={me.id} paths={workoutPaths} />) },
      { path: paths.routineNew, element: signedIn(() => <RoutineEditorPage paths={workoutPaths} />) },
      { path: paths.routine, element: <RoutineEditRoute /> },
      { path: paths.programs, element: signedIn((me) => <ProgramsPage userId={me.id} paths={workoutPaths} />) },
      { path: paths.templates, element: signedIn(() => <TemplatesPage paths={workoutPaths} />) },
      { path: paths.body, element: signedIn((me) => <BodyPage timeZone={me.preferences.time_zone} />) },
      { path: paths.me, element: signedIn((me) => <MePage me={me} paths={mePaths} />) },
      { path: paths.import, element: signedIn((me) => <ImportPage paths={importPaths} timeZone={me.preferences.time_zone} />) },
      { path: paths.exercises, element: signedIn(() => <ExerciseBrowserPage paths={exercisePaths} />) },
      { path: paths.exercise, element: <ExerciseRoute /> },
      { path: paths.exerciseProgress, element: <ExerciseProgressRoute /> },
      { path: paths.sport, element: <SportRoute /> },
      { path: paths.records, element: signedIn(() => <RecordsPage paths={progressPaths} />) },
      { path: paths.goals, element: signedIn((me) => <GoalsPage paths={goalPaths} timeZone={me.preferences.time_zone} />) },
      {
        path: paths.goalNew,
        element: signedIn((me) => <GoalEditorPage paths={goalPaths} timeZone={me.preferences.time_zone} />),
      },
      { path: paths.goal, element: <GoalRoute /> },
      { path: paths.goalEdit, element: <GoalEditRoute /> },
      { path: paths.food, element: <FoodRoute /> },
      { path: paths.foodDay, element: <FoodRoute /> },
      { path: paths.foodRecipes, element: signedIn(() => <RecipesPage paths={nutritionPaths} />) },
      { path: paths.foodRecipeNew, element: signedIn(() => <RecipeEditorPage paths={nutritionPaths} />) },
      { path: paths.foodRecipe, element: <RecipeRoute /> },
      { path: paths.foodRecipeEdit, element: <RecipeEditRoute /> },
      { path: paths.foodNew, element: <FoodNewRoute /> },
      { path: paths.foodEdit, element: <FoodEditRoute /> },
      { path: paths.foodTargets, element: signedIn(() => <TargetsPage paths={nutritionPaths} />) },
      { path: paths.foodNutrients, element: <NutrientDayRoute /> },
      { path: paths.foodWeek, element: <NutritionWeekRoute /> },
      { path: paths.notifications, element: signedIn(() => <NotificationsPage paths={notificationPaths} />) },
      {
        path: paths.notificationSettings,
        element: signedIn(() => <NotificationSettingsPage paths={notificationPaths} />),
      },
      {
        path: paths.adminModeration,
        element: (
          <RequireModerator>
            {() => (
              <Loading>
                <ModerationQueuePage />
              </Loading>
            )}
          </RequireModerator>
        ),
      },
      { path: paths.moderationSettings, element: signedIn(() => <MyDecisionsPage />) },
      { path: paths.communityPeople, element: signedIn((me) => <PeoplePage username={me.username} paths={peoplePaths} />) },
      { path: paths.userProfile, element: <UserProfileRoute /> },
      { path: paths.privacySettings, element: signedIn(() => <PrivacySettingsPage bulkVisibilityPath={paths.privacyVisibility} />) },
      { path: paths.profileSettings, element: signedIn(() => <ProfileSettingsPage />) },
      { path: paths.community, element: signedIn((me) => <CommunityPage paths={communityPaths} userId={me.id} />) },
      { path: paths.userWorkout, element: <UserWorkoutRoute /> },
      { path: paths.privacyVisibility, element: signedIn(() => <VisibilityChangePage />) },
      { path: paths.communityChallenges, element: signedIn(() => <ChallengesPage paths={challengePaths} />) },
      {
        path: paths.communityChallengeNew,
        element: signedIn((me) => <ChallengeEditorPage paths={challengePaths} timeZone={me.preferences.time_zone} />),
      },
      { path: paths.communityChallenge, element: <ChallengeRoute /> },
      { path: paths.clubs, element: signedIn(() => <ClubsPage paths={clubPaths} />) },
      { path: paths.clubNew, element: signedIn(() => <NewClubPage paths={clubPaths} />) },
      { path: paths.club, element: <ClubRoute /> },
      { path: paths.developerApps, element: signedIn(() => <DeveloperAppsPage paths={appsPaths} />) },
      { path: paths.developerApp, element: <DeveloperAppRoute /> },
      { path: paths.connectedApps, element: signedIn(() => <ConnectedAppsPage developerAppsPath={appsPaths.apps} />) },
      { path: paths.oauthConsent, element: <ConsentRoute /> },
      { path: paths.device, element: <DeviceRoute /> },
      {
        path: paths.adminApps,
        element: (
          <RequireAdmin>
            {() => (
              <Loading>
                <AdminAppsPage nav={<AdminNav paths={adminPaths} />} />
              </Loading>
            )}
          </RequireAdmin>
        ),
      },
      {
        path: paths.privacyPolicy,
        element: (
          <Loading>
            <PrivacyPolicyPage />
          </Loading>
        ),
      },
      {
        path: paths.adminPrivacyPolicy,
        element: (
          <RequireAdmin>
            {() => (
              <Loading>
                <AdminPrivacyPolicyPage nav={<AdminNav paths={adminPaths} />} />
              </Loading>
            )}
          </RequireAdmin>
        ),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

function ClubRoute() {
  const id = useRouteId();
  return signedIn((me) => <ClubPage key={id} id={id} paths={clubPaths} viewer={me.username} />);
}

function DeveloperAppRoute() {
  const id = useRouteId();
  // A confidential app's webhooks (the webhooks feature) show under its settings.
  return signedIn(() => (
    <AppDetailsPage key={id} clientId={id} paths={appsPaths}>
      <Suspense fallback={null}>
        <AppWebhooks clientId={id} />
      </Suspense>
    </AppDetailsPage>
  ));
}

/** /oauth/consent?request=<id>: signing in first brings the user back here, the request kept. */
function ConsentRoute() {
  const [search] = useSearchParams();
  const request = search.get('request') ?? '';
  return signedIn((me) => <ConsentPage key={request} requestId={request} username={me.username} />);
}

/** /device and /device?code=XXXX-XXXX (the verification_uri_complete a device shows as a QR code). */
function DeviceRoute() {
  const [search] = useSearchParams();
  const code = search.get('code') ?? '';
  return signedIn((me) => <DevicePage key={code} initialCode={code} username={me.username} />);
}

export function createAppRouter() {
  return createBrowserRouter(routes);
}
