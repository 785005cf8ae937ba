/** Where the club pages link to; app/paths.ts composes it. */
export interface ClubPaths {
  clubs: string;
  newClub: string;
  club: (id: string) => string;
  /** A challenge's page (the challenges feature's). */
  challenge: (id: string) => string;
  /** The new challenge form, making a challenge of this club. */
  newClubChallenge: (clubId: string) => string;
}
