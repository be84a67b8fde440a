// The words of a villager's voice note in the inbox: French is the reference, Arabic has the same keys.
export const inboxVoiceFr = {
  inboxVoice: 'Message vocal',
  inboxVoiceListen: (who: string) => `Écouter le message vocal de ${who}`,
  inboxVoiceSeconds: (s: string) => `${s} s`,
  inboxVoiceUnsupported: 'Ce navigateur ne sait pas lire ce message vocal.',
  inboxVoiceFailed: {
    too_big: 'Message vocal non reçu : trop lourd pour le canal. Demandez-lui un message plus court.',
    expired: 'Message vocal non reçu : le fichier n’était plus disponible chez le canal. Demandez-lui de le renvoyer.',
    unreachable: 'Message vocal non reçu : le canal ne répondait pas. Demandez-lui de le renvoyer.',
    refused: 'Message vocal non reçu : le canal a refusé de le donner. Demandez-lui de le renvoyer.',
  } as Record<string, string>,
};

export const inboxVoiceAr: typeof inboxVoiceFr = {
  inboxVoice: 'رسالة صوتية',
  inboxVoiceListen: (who: string) => `الاستماع إلى الرسالة الصوتية من ${who}`,
  inboxVoiceSeconds: (s: string) => `${s} ث`,
  inboxVoiceUnsupported: 'لا يستطيع هذا المتصفح تشغيل هذه الرسالة الصوتية.',
  inboxVoiceFailed: {
    too_big: 'لم تصل الرسالة الصوتية: حجمها أكبر مما تقبله القناة. اطلبوا منه رسالة أقصر.',
    expired: 'لم تصل الرسالة الصوتية: لم يعد الملف متاحًا لدى القناة. اطلبوا منه إعادة إرسالها.',
    unreachable: 'لم تصل الرسالة الصوتية: لم تستجب القناة. اطلبوا منه إعادة إرسالها.',
    refused: 'لم تصل الرسالة الصوتية: رفضت القناة تسليمها. اطلبوا منه إعادة إرسالها.',
  },
};
