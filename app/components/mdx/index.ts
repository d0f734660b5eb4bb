import { Callout, EquityPrompts, Track } from './blocks'
import { Prompt } from './prompt'
import { Section } from './section'

/** The one map of components MDX modules may use (the content build checks every module against it). */
export const moduleComponents = { Prompt, EquityPrompts, Track, Callout, Section }
