export { addKorrigoHooks, korrigoHooksOf, type CopyFinalizedArgs, type ExamPublishedArgs, type KorrigoHooks } from './hooks/registry'
export { withEditTab } from './editTab'
export { withTranslations, type PluginTranslations } from './translations'
