export interface Column<R> {
  header: string;
  cell: (row: R) => string;
  align?: 'left' | 'right';
}
