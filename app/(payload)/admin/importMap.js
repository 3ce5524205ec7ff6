import { ImportRosterButton as ImportRosterButton_41aefccc9e44fb7fe6c447ecdf117177 } from '../../../admin-components/roster-import/ImportRosterButton'
import { JsonField as JsonField_72e063e822c66a90d6557df299f03cb7 } from '../../../admin-components/json-field/JsonField'
import { BookletsView as BookletsView_d1f96ca4c2fc0ffc1a741cec52cbf971 } from '../../../admin-components/exam-booklets/BookletsView'
import { PublicationView as PublicationView_97acc89871355e0132ff26176dd6285b } from '../../../admin-components/exam-publication/PublicationView'
import { StatisticsView as StatisticsView_6230555d62d7ee43467c826a6880f820 } from '../../../admin-components/exam-statistics/StatisticsView'
import { AnonymityView as AnonymityView_b0e5ea7e240c7c4bd924b31b671e3edf } from '../../../admin-components/exam-anonymity/AnonymityView'
import { DistributionView as DistributionView_92defbb28196a45a0ca94e3d3e7f60d5 } from '../../../admin-components/exam-distribution/DistributionView'
import { BatchProgressField as BatchProgressField_f06185cdc1e701996ca4415a378c7316 } from '../../../admin-components/batch-progress/BatchProgressField'
import { BatchReportView as BatchReportView_120393fb20b045f51ad6237f84fff1f4 } from '../../../admin-components/batch-report/BatchReportView'
import { NavLink as NavLink_eed98e0ebb3a3e9570ba8ecc22e3fa8b } from '../../../admin-components/identification-desk/NavLink'
import { DeskView as DeskView_26940ee36de1017a867e051b5ff94545 } from '../../../admin-components/identification-desk/DeskView'
import { RosterImportView as RosterImportView_5174b1a62d7ec93936b93bc5ad1405b0 } from '../../../admin-components/roster-import/RosterImportView'
import { ScanUploader as ScanUploader_5c1f0e7a0d2b4e6f8a9b1c3d5e7f9a2b } from '../../../admin-components/scan-uploads/ScanUploader'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/admin-components/roster-import/ImportRosterButton#ImportRosterButton": ImportRosterButton_41aefccc9e44fb7fe6c447ecdf117177,
  "/admin-components/json-field/JsonField#JsonField": JsonField_72e063e822c66a90d6557df299f03cb7,
  "/admin-components/exam-booklets/BookletsView#BookletsView": BookletsView_d1f96ca4c2fc0ffc1a741cec52cbf971,
  "/admin-components/exam-publication/PublicationView#PublicationView": PublicationView_97acc89871355e0132ff26176dd6285b,
  "/admin-components/exam-statistics/StatisticsView#StatisticsView": StatisticsView_6230555d62d7ee43467c826a6880f820,
  "/admin-components/exam-anonymity/AnonymityView#AnonymityView": AnonymityView_b0e5ea7e240c7c4bd924b31b671e3edf,
  "/admin-components/exam-distribution/DistributionView#DistributionView": DistributionView_92defbb28196a45a0ca94e3d3e7f60d5,
  "/admin-components/batch-progress/BatchProgressField#BatchProgressField": BatchProgressField_f06185cdc1e701996ca4415a378c7316,
  "/admin-components/batch-report/BatchReportView#BatchReportView": BatchReportView_120393fb20b045f51ad6237f84fff1f4,
  "/admin-components/identification-desk/NavLink#NavLink": NavLink_eed98e0ebb3a3e9570ba8ecc22e3fa8b,
  "/admin-components/identification-desk/DeskView#DeskView": DeskView_26940ee36de1017a867e051b5ff94545,
  "/admin-components/roster-import/RosterImportView#RosterImportView": RosterImportView_5174b1a62d7ec93936b93bc5ad1405b0,
  "/admin-components/scan-uploads/ScanUploader#ScanUploader": ScanUploader_5c1f0e7a0d2b4e6f8a9b1c3d5e7f9a2b,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
