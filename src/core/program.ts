/** Written into files that name their producer (SIE #PROGRAM, Hogia FileInfo, ...). */
export const PROGRAM_NAME = 'Exportdesk';
export const PROGRAM_VERSION = '0.1';
