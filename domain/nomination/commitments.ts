import { z } from 'zod';
import programme2021To22 from '../../data/programme/sessions-2021-22.json' with { type: 'json' };
import { lineOfText } from '../attendance/userInput.js';

/*
 * What a Disadvantaged Champion School commits to and gains, in our own plain words from the
 * 2021-22 letter. They name dates (the autumn 2022 conference, December 2022 accreditation),
 * so they live with that year's programme data rather than in code.
 */

const PointSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  heading: lineOfText('the heading', 120),
  detail: lineOfText('the detail', 600),
});
export type ChampionSchoolPoint = z.infer<typeof PointSchema>;

const unique = (points: readonly ChampionSchoolPoint[]) => new Set(points.map((point) => point.id)).size === points.length;

export const ChampionSchoolOfferSchema = z.object({
  commitments: z.array(PointSchema).min(1).refine(unique, 'commitment ids must be unique'),
  benefits: z.array(PointSchema).min(1).refine(unique, 'benefit ids must be unique'),
});
export type ChampionSchoolOffer = z.infer<typeof ChampionSchoolOfferSchema>;

// Parsed once at start: a broken data file stops the bot at start rather than mid-conversation.
const offer = ChampionSchoolOfferSchema.parse(programme2021To22.championSchool);

/** What the school signs up to; a member confirms all of them when submitting the nomination. */
export const COMMITMENTS: readonly ChampionSchoolPoint[] = offer.commitments;

/** What a champion school gains. */
export const BENEFITS: readonly ChampionSchoolPoint[] = offer.benefits;
