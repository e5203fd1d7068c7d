import type { Locator, Page } from '@playwright/test';

/** The popup, as a person uses it: by labels and button names. */
export class PopupPage {
  constructor(readonly page: Page) {}

  get addressInput(): Locator {
    return this.page.getByLabel('Email address');
  }

  get addError(): Locator {
    return this.page.getByTestId('add-error');
  }

  async addAddress(email: string): Promise<void> {
    await this.addressInput.fill(email);
    await this.page.getByRole('button', { name: 'Add', exact: true }).click();
  }

  async checkNow(): Promise<void> {
    await this.page.getByRole('button', { name: 'Check now' }).click();
  }

  address(email: string): Locator {
    return this.page.locator(`li.address[data-email="${email}"]`);
  }

  status(email: string): Locator {
    return this.address(email).getByTestId('address-status');
  }

  breaches(email: string): Locator {
    return this.address(email).locator('li.breach');
  }
}
