import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  Badge,
  Button,
  Card,
  ConfirmDialog,
  EmptyState,
  ErrorState,
  Icon,
  PageHeader,
  SelectField,
  Skeleton,
  TextField,
  useToast,
} from '@/components/ui';
import { errorMessage } from '@/lib/api/error-message';
import { useDeleteProgram } from '../api/delete-program';
import { usePrograms } from '../api/list-programs';
import { useRoutines } from '../api/list-routines';
import { useSaveProgram } from '../api/save-program';
import { newId, type Program, type Routine } from '../lib/model';
import { draftOfProgram, moveEntry, nextEntryIndex, programInputOf, type ProgramDraft } from '../lib/program';
import type { WorkoutPaths } from '../paths';
import { useWorkoutStarter } from './workout-starter';
import './workouts.css';
import './programs.css';

/** /programs: routines grouped in the order they are done (a 3-day split), each one tap from a workout. */
export function ProgramsPage({ userId, paths }: { userId: string; paths: WorkoutPaths }) {
  const { t } = useTranslation();
  const programs = usePrograms();
  const routines = useRoutines();
  const starter = useWorkoutStarter(userId, paths);
  /** The program being edited: its id, 'new', or none. */
  const [editing, setEditing] = useState<string | null>(null);

  const routineById = new Map((routines.data?.items ?? []).map((r) => [r.id, r]));

  let content;
  if (programs.isPending || routines.isPending) {
    content = <Skeleton width="lg" label={t('workouts.programs.loading')} />;
  } else if (programs.isError || routines.isError) {
    const error = programs.error ?? routines.error;
    content = (
      <ErrorState
        message={errorMessage(error, t)}
        onRetry={() => {
          void programs.refetch();
          void routines.refetch();
        }}
      />
    );
  } else {
    const list = programs.data.items;
    content = (
      <>
        {editing === 'new' ? (
          <ProgramEditor program={null} routines={routines.data.items} onDone={() => setEditing(null)} />
        ) : null}
        {list.length === 0 && editing !== 'new' ? <EmptyState>{t('workouts.programs.empty')}</EmptyState> : null}
        <ul className="routine-list">
          {list.map((program) =>
            editing === program.id ? (
              <li key={program.id}>
                <ProgramEditor program={program} routines={routines.data.items} onDone={() => setEditing(null)} />
              </li>
            ) : (
              <li key={program.id}>
                <ProgramCard
                  program={program}
                  routineById={routineById}
                  paths={paths}
                  onEdit={() => setEditing(program.id)}
                  starting={starter.pendingRoutineId}
                  onStart={(routine) => starter.startRoutine(routine)}
                />
              </li>
            ),
          )}
        </ul>
      </>
    );
  }

  return (
    <div className="workout-page">
      <PageHeader
        title={t('workouts.programs.title')}
        documentTitle={t('workouts.programs.documentTitle')}
        intro={t('workouts.programs.intro')}
        actions={
          <Button variant="primary" disabled={editing !== null} onClick={() => setEditing('new')}>
            {t('workouts.programs.new')}
          </Button>
        }
      />
      {starter.error ? <ErrorState title={t('workouts.log.startFailed')} message={errorMessage(starter.error, t)} /> : null}
      {content}
      {starter.dialog}
    </div>
  );
}

interface ProgramCardProps {
  program: Program;
  routineById: Map<string, Routine>;
  paths: WorkoutPaths;
  onEdit: () => void;
  starting: string | null;
  onStart: (routine: Routine) => void;
}

function ProgramCard({ program, routineById, paths, onEdit, starting, onStart }: ProgramCardProps) {
  const { t } = useTranslation();
  const nextIndex = nextEntryIndex(program);
  const nextEntry = nextIndex === null ? undefined : program.routines[nextIndex];
  const nextRoutine = nextEntry ? routineById.get(nextEntry.routine_id) : undefined;
  const entryName = (entry: Program['routines'][number]) =>
    [entry.label, entry.routine_name ?? t('workouts.programs.deletedRoutine')].filter(Boolean).join(': ');
  return (
    <Card className="program-card">
      <div className="workout-page__head">
        <h2 className="routine-card__name">{program.name}</h2>
        <Button variant="ghost" onClick={onEdit}>
          {t('workouts.programs.edit')}
          <span className="visually-hidden"> {program.name}</span>
        </Button>
      </div>
      {program.notes ? <p className="routine-card__meta">{program.notes}</p> : null}
      {program.routines.length === 0 ? <p className="routine-card__meta">{t('workouts.programs.noRoutines')}</p> : null}
      {nextEntry && nextRoutine ? (
        <div className="program-card__next">
          <p className="program-card__next-name">{t('workouts.programs.next', { routine: entryName(nextEntry) })}</p>
          <Button
            variant="primary"
            size="lg"
            disabled={starting !== null || nextRoutine.items.length === 0}
            onClick={() => onStart(nextRoutine)}
          >
            {starting === nextRoutine.id ? t('workouts.log.starting') : t('workouts.programs.startNext')}
            <span className="visually-hidden">
              {' '}
              {t('workouts.programs.startNextOf', { routine: entryName(nextEntry), program: program.name })}
            </span>
          </Button>
        </div>
      ) : null}
      <ol className="program-card__routines">
        {program.routines.map((entry, index) => {
          const routine = routineById.get(entry.routine_id);
          const name = entry.routine_name ?? t('workouts.programs.deletedRoutine');
          const isNext = index === nextIndex;
          return (
            <li
              key={`${index}-${entry.routine_id}`}
              className={isNext ? 'program-card__routine program-card__routine--next' : 'program-card__routine'}
              aria-current={isNext ? 'step' : undefined}
            >
              <span>
                {entry.label ? <strong>{entry.label}: </strong> : null}
                {routine ? <Link to={paths.routine(routine.id)}>{name}</Link> : name}
                {isNext ? (
                  <>
                    {' '}
                    <Badge tone="accent">{t('workouts.programs.nextBadge')}</Badge>
                  </>
                ) : null}
              </span>
              {routine ? (
                <Button
                  variant="secondary"
                  disabled={starting !== null || routine.items.length === 0}
                  onClick={() => onStart(routine)}
                >
                  {starting === routine.id ? t('workouts.log.starting') : t('workouts.log.start')}
                  <span className="visually-hidden"> {entry.label ?? ''} {name}</span>
                </Button>
              ) : null}
            </li>
          );
        })}
      </ol>
    </Card>
  );
}

function ProgramEditor({
  program,
  routines,
  onDone,
}: {
  program: Program | null;
  routines: Routine[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ProgramDraft>(() => draftOfProgram(program, newId));
  const [nameError, setNameError] = useState<string | undefined>();
  const save = useSaveProgram();
  const remove = useDeleteProgram();
  const toast = useToast();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const headingId = useId();
  const options = [
    { value: '', label: t('workouts.programs.chooseRoutine') },
    ...routines.map((r) => ({ value: r.id, label: r.name })),
  ];

  const setEntries = (change: (entries: ProgramDraft['entries']) => ProgramDraft['entries']) =>
    setDraft((d) => ({ ...d, entries: change(d.entries) }));

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const input = programInputOf(draft);
    if (!input.name) {
      setNameError(t('workouts.programs.nameRequired'));
      return;
    }
    setNameError(undefined);
    save.mutate({ id: program?.id, rev: program?.rev, input }, { onSuccess: onDone });
  }

  return (
    <Card className="program-editor">
      <form className="form" onSubmit={submit} noValidate aria-labelledby={headingId}>
        <h2 id={headingId} className="workout-section__title">
          {program ? t('workouts.programs.editTitle') : t('workouts.programs.newTitle')}
        </h2>
        <TextField
          label={t('workouts.programs.name')}
          value={draft.name}
          onValueChange={(name) => setDraft((d) => ({ ...d, name }))}
          error={nameError}
          maxLength={100}
          required
        />
        <TextField
          label={t('workouts.programs.notes')}
          value={draft.notes}
          onValueChange={(notes) => setDraft((d) => ({ ...d, notes }))}
          maxLength={2000}
        />
        <ol className="program-editor__entries">
          {draft.entries.map((entry, index) => (
            <li key={entry.key} className="program-editor__entry">
              <SelectField
                label={t('workouts.programs.routine', { number: index + 1 })}
                value={entry.routineId}
                options={options}
                onValueChange={(routineId) =>
                  setEntries((all) => all.map((e) => (e.key === entry.key ? { ...e, routineId } : e)))
                }
              />
              <TextField
                label={t('workouts.programs.label', { number: index + 1 })}
                value={entry.label}
                placeholder={t('workouts.programs.labelPlaceholder')}
                maxLength={40}
                onValueChange={(label) =>
                  setEntries((all) => all.map((e) => (e.key === entry.key ? { ...e, label } : e)))
                }
              />
              <div className="routine-item__actions">
                <Button variant="ghost" disabled={index === 0} onClick={() => setEntries((all) => moveEntry(all, index, -1))}>
                  <Icon name="up" />
                  <span className="visually-hidden">{t('workouts.programs.moveUp', { number: index + 1 })}</span>
                </Button>
                <Button
                  variant="ghost"
                  disabled={index === draft.entries.length - 1}
                  onClick={() => setEntries((all) => moveEntry(all, index, 1))}
                >
                  <Icon name="down" />
                  <span className="visually-hidden">{t('workouts.programs.moveDown', { number: index + 1 })}</span>
                </Button>
                <Button variant="ghost" onClick={() => setEntries((all) => all.filter((e) => e.key !== entry.key))}>
                  {t('workouts.remove')}
                  <span className="visually-hidden"> {t('workouts.programs.routine', { number: index + 1 })}</span>
                </Button>
              </div>
            </li>
          ))}
        </ol>
        <Button
          variant="secondary"
          disabled={draft.entries.length >= 20 || routines.length === 0}
          onClick={() => setEntries((all) => [...all, { key: newId(), routineId: '', label: '' }])}
        >
          <Icon name="plus" />
          {t('workouts.programs.addRoutine')}
        </Button>
        {routines.length === 0 ? <p className="routine-card__meta">{t('workouts.programs.noRoutinesYet')}</p> : null}
        {save.isError ? <ErrorState message={errorMessage(save.error, t)} /> : null}
        <div className="form__actions">
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {save.isPending ? t('workouts.programs.saving') : t('workouts.programs.save')}
          </Button>
          <Button variant="ghost" onClick={onDone}>
            {t('forms.cancel')}
          </Button>
          {program ? (
            <Button variant="destructive-subtle" disabled={remove.isPending} onClick={() => setConfirmDelete(true)}>
              {t('workouts.programs.delete')}
            </Button>
          ) : null}
        </div>
      </form>
      {program ? (
        <ConfirmDialog
          open={confirmDelete}
          title={t('workouts.programs.deleteTitle', { name: program.name })}
          cancelLabel={t('forms.cancel')}
          confirmLabel={t('workouts.programs.deleteConfirm')}
          busy={remove.isPending}
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() =>
            remove.mutate(program.id, {
              onSuccess: () => {
                setConfirmDelete(false);
                toast({ message: t('workouts.programs.deleted') });
                onDone();
              },
            })
          }
        >
          <p>{t('workouts.programs.deleteBody')}</p>
          {remove.isError ? <ErrorState message={errorMessage(remove.error, t)} /> : null}
        </ConfirmDialog>
      ) : null}
    </Card>
  );
}
