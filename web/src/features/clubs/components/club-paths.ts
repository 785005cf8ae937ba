/** Where the club pages link to; app/paths.ts composes it. */
export interface ClubPaths {
  clubs: string;
  newClub: string;
  club: (id: string) => string;
}
