// Texts about the patient, who may not own the phone: a son answers for his mother, a husband for his
// wife. They name the patient ("Comment va Fatima ?") instead of asking the phone's owner "how are you?".

type T = (key: string, vars?: Record<string, string>) => string;

/** Who the patient is: the relation to the phone's owner, and their name when known. */
export interface Patient {
  relation?: string;
  fullName?: string;
}

/** The name to say, when the patient is someone other than the phone's owner; otherwise undefined. */
function relativeName(patient: Patient): string | undefined {
  const who = patient.fullName?.trim() ?? '';
  return patient.relation !== 'self' && who !== '' ? who : undefined;
}

/**
 * A check-in line (`intro`, `retry`, `pain`, `fever`, ...) for the patient, or about them.
 * @example checkinText(t, 'pain', { relation: 'parent', fullName: 'Fatima' }) // t('checkin:painOther', { who: 'Fatima' })
 */
export function checkinText(t: T, line: string, patient: Patient): string {
  const other = relativeName(patient);
  return other === undefined ? t(`checkin:${line}`, { who: patient.fullName ?? '' }) : t(`checkin:${line}Other`, { who: other });
}

/** "Come fasting", or "Fatima must come fasting" when the phone is a relative's. */
export function fastingText(t: T, patient: Patient): string {
  const other = relativeName(patient);
  return other === undefined ? t('register:fasting') : t('register:fastingOther', { who: other });
}
