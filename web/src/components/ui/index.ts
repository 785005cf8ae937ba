export { Button, ButtonLink, buttonClassName } from './button';
export type { ButtonLinkProps, ButtonProps, ButtonSize, ButtonVariant } from './button';
export { Card } from './card';
export { Chip } from './chip';
export type { ChipProps } from './chip';
export type { CardProps } from './card';
export { CopyButton } from './copy-button';
export type { CopyButtonProps } from './copy-button';
export { Dialog } from './dialog';
export type { DialogProps } from './dialog';
export { ErrorState } from './error-state';
export type { ErrorStateProps } from './error-state';
export { Checkbox, ChoiceGroup, PasswordField, RadioGroup, SelectField, TextField } from './field';
export type {
  CheckboxProps,
  ChoiceGroupProps,
  PasswordFieldProps,
  RadioGroupProps,
  SelectFieldProps,
  TextFieldProps,
} from './field';
export { NumberField } from './number-field';
export type { NumberFieldProps } from './number-field';
export { Skeleton, Spinner } from './spinner';
export type { SkeletonProps, SkeletonWidth, SpinnerProps } from './spinner';
export { Icon } from './icon';
export type { IconName } from './icon';
export { Logo } from './logo';
export { Badge, Notice } from './notice';
export type { BadgeTone, NoticeProps } from './notice';
// QrCode is imported from './qr-code' directly: it pulls in the QR encoder, which only the
// security page needs (a code-split chunk), and a barrel re-export would put it in every page.
export { ConfirmDialog } from './confirm-dialog';
export type { ConfirmDialogProps } from './confirm-dialog';
export { EmptyState, LoadingState } from './states';
export type { EmptyStateProps, LoadingStateProps } from './states';
export { PageHeader } from './page-header';
export type { PageHeaderProps } from './page-header';
export { ToastProvider, useToast } from './toast';
export type { ToastOptions } from './toast';
